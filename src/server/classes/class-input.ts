// The fields every way of scheduling a class shares: a title and a capacity.
import { z } from "zod";
import { CLASS_CAPACITY, CLASS_TITLE_MAX } from "@/domain/enrolment";

export const classTitle = z
  .string({ error: "Must be a title" })
  .trim()
  .min(1, "Must not be empty")
  .max(CLASS_TITLE_MAX, `At most ${CLASS_TITLE_MAX} characters`);

export const classCapacity = z
  .number({ error: "Must be a whole number of places" })
  .int("Must be a whole number of places")
  .min(CLASS_CAPACITY.min, `A class has ${CLASS_CAPACITY.min} to ${CLASS_CAPACITY.max} places (one place is a one-to-one session)`)
  .max(CLASS_CAPACITY.max, `A class has ${CLASS_CAPACITY.min} to ${CLASS_CAPACITY.max} places`);
