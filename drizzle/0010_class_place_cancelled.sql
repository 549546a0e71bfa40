-- A member is told when their class place is given up (by them, the class's
-- coach or the owner): the message carries the calendar cancellation that
-- takes the class out of the calendar its invitation put it in.
ALTER TYPE "public"."message_kind" ADD VALUE 'class_place_cancelled';
