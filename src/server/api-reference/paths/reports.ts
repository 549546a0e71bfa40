// Reports: the owner's weekly figures.
import { ref } from "../json-schema";
import type { PathSpecs } from "../operation";

export const reportPaths: PathSpecs = {
  "/api/v1/reports/weekly-figures": {
    get: {
      operationId: "getWeeklyFigures",
      tag: "reports",
      summary: "This week's and last week's figures",
      description:
        "Weeks run Monday to Sunday in the business zone (BUSINESS_TIMEZONE); a session or class counts in the week it starts in. Utilisation = minutes of held and scheduled sessions ÷ minutes of availability (weekly rules ∪ additions − blocked slots, within the week), per coach and overall; a class's minutes are booked time of its coach once at least one of its places is held. Each week also lists its classes (cancelled ones aside) with their fill rate (places held ÷ capacity) and attendance rate (attended ÷ (attended + no-show), null until attendance is marked), and the same for the week's classes together (classTotals).",
      access: { permission: "reports:read" },
      success: {
        status: 200,
        description: "Both weeks, overall, per coach and per class.",
        schema: { type: "object", properties: { figures: ref("WeeklyFigures") }, required: ["figures"] },
      },
      errors: { 403: "Not the owner." },
    },
  },
};
