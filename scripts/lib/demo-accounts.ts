// Prints the demo credentials after a seed, for db:seed and start.
import { DEMO_ACCOUNTS } from "@/server/demo-seed";

export function printDemoAccounts(): void {
  console.log("Demo accounts (e-mail / password):");
  for (const account of DEMO_ACCOUNTS) {
    console.log(`  ${account.role.padEnd(6)}  ${account.email.padEnd(30)}  ${account.password}`);
  }
}
