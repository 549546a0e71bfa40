// Test-only preload (`node --require`), never loaded by the app itself:
// shifts `Date` and `Date.now()` by E2E_CLOCK_OFFSET_MS so that a server runs
// "as if" at another instant while time still flows. playwright.config.ts
// derives the offset from E2E_NOW; without it this module changes nothing.
// CommonJS, so it runs before anything else of the process, Next included.
"use strict";

const offset = Number(process.env.E2E_CLOCK_OFFSET_MS || 0);
const marker = Symbol.for("coachbook.shiftedClock");

if (Number.isFinite(offset) && offset !== 0 && !globalThis[marker]) {
  const RealDate = Date;
  const shiftedNow = () => RealDate.now() + offset;
  // A Proxy rather than a subclass: `Date()` called without `new` keeps
  // working, `instanceof Date` and Date.prototype stay the real ones.
  globalThis.Date = new Proxy(RealDate, {
    construct(target, args, newTarget) {
      return Reflect.construct(target, args.length === 0 ? [shiftedNow()] : args, newTarget === globalThis.Date ? target : newTarget);
    },
    apply() {
      return new RealDate(shiftedNow()).toString();
    },
    get(target, property, receiver) {
      if (property === "now") return shiftedNow;
      return Reflect.get(target, property, receiver);
    },
  });
  globalThis[marker] = offset;
}
