// Tailwind CSS v4 through PostCSS (Next.js picks this file up). Everything is
// compiled from the installed package: nothing is fetched at build time.
const config = {
  plugins: { "@tailwindcss/postcss": {} },
};

export default config;
