// Every string a message says, in English and French. Templates
// (templates.ts) pick the recipient's catalog and never hold words of their
// own, so a new language is one more object of this shape.
import type { ConflictReason } from "@/domain/conflict-reason";
import type { Locale } from "@/domain/locale";

export interface Catalog {
  /** The BCP 47 tag Intl formats dates with. */
  intl: string;
  hello(name: string): string;
  signOff: string;
  footerAccount: string;
  footerUnsubscribe: string;
  unsubscribeLink: string;
  openApp: string;
  coachTime(time: string, zone: string): string;
  sessionWith(name: string): string;
  when: string;
  with: string;
  reasonLabel: string;
  byWho: {
    member(name: string): string;
    coach(name: string): string;
    owner: string;
    system: string;
  };
  because: {
    time_off(coach: string): string;
    availability(coach: string): string;
    series: string;
  };
  conflictReason: Record<ConflictReason, string>;
  password_reset: { subject: string; intro: string; action: string; expiry: string; ignore: string };
  email_verification: { subject: string; intro: string; action: string; ignore: string };
  welcome: { subject: string; intro(studio: string): string; action: string; then: string };
  booking_confirmed: { subject(when: string): string; intro: string; action: string };
  series_confirmed: {
    subject(rule: string): string;
    intro(rule: string): string;
    placed(count: number): string;
    skipped(count: number): string;
    openEnded: string;
    until(date: string): string;
    action: string;
  };
  weekly(day: string, time: string, every: number): string;
  session_cancelled: { subject(when: string): string; intro(by: string): string; action: string };
  series_cancelled: { subject(rule: string): string; intro(rule: string, by: string): string; removed(count: number): string };
  no_show: { subject(when: string): string; intro: string };
  occurrence_conflict: { subject(when: string): string; intro: string; action: string };
  conflict_resolved: { subject(when: string): string; placed: string; dismissed: string };
  reminder: { subject(when: string, lead: string): string; intro(lead: string): string; lead: { "2h": string; "24h": string } };
  classWith(title: string, coach: string): string;
  class_enrolled: { subject(title: string, when: string): string; intro(title: string): string; action: string };
  class_waitlisted: { subject(title: string, when: string): string; intro(title: string, position: number): string; promise(hours: string): string; action: string };
  class_promoted: { subject(title: string, when: string): string; intro(title: string): string; action: string };
  class_place_cancelled: { subject(title: string, when: string): string; intro(title: string, by: string): string; action: string };
  owner_digest: {
    subject(date: string): string;
    intro(date: string): string;
    run(created: number, conflicts: number, completed: number): string;
    noRun: string;
    failedRun(error: string): string;
    openConflicts(count: number): string;
    failedDeliveries(count: number): string;
    action: string;
  };
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

const en: Catalog = {
  intl: "en-GB",
  hello: (name) => `Hello ${name},`,
  signOff: "— Coachbook",
  footerAccount: "You receive this e-mail because of your Coachbook account.",
  footerUnsubscribe: "You can turn these e-mails off with one click:",
  unsubscribeLink: "Unsubscribe",
  openApp: "Open Coachbook",
  coachTime: (time, zone) => `${time} in ${zone}, the coach's time zone`,
  sessionWith: (name) => `Session with ${name}`,
  when: "When",
  with: "With",
  reasonLabel: "Reason",
  byWho: {
    member: (name) => `by ${name}`,
    coach: (name) => `by ${name} (coach)`,
    owner: "by the studio",
    system: "by Coachbook",
  },
  because: {
    time_off: (coach) => `because ${coach} is away (time off)`,
    availability: (coach) => `because ${coach}'s hours changed`,
    series: "because the weekly booking was cancelled",
  },
  conflictReason: {
    outside_availability: "the time is outside the coach's hours",
    blocked: "the coach has time off then",
    coach_busy: "the coach has another session then",
    member_busy: "the member has another session then",
  },
  password_reset: {
    subject: "Reset your Coachbook password",
    intro: "Someone (hopefully you) asked to reset the password of your Coachbook account.",
    action: "Choose a new password",
    expiry: "The link works for one hour.",
    ignore: "If you did not ask for it, ignore this e-mail: your password stays as it is.",
  },
  email_verification: {
    subject: "Confirm your e-mail address",
    intro: "Please confirm that this is your e-mail address for Coachbook.",
    action: "Confirm my address",
    ignore: "If you did not create an account, ignore this e-mail.",
  },
  welcome: {
    subject: "Welcome to Coachbook",
    intro: (studio) => `${studio} created a Coachbook account for you, to book and follow your sessions.`,
    action: "Choose your password",
    then: "Then sign in with this e-mail address.",
  },
  booking_confirmed: {
    subject: (when) => `Booked: ${when}`,
    intro: "Your session is booked.",
    action: "See my sessions",
  },
  series_confirmed: {
    subject: (rule) => `Weekly booking confirmed: ${rule}`,
    intro: (rule) => `Your weekly booking is confirmed: ${rule}.`,
    placed: (count) => `${plural(count, "session is", "sessions are")} on the calendar:`,
    skipped: (count) => `${plural(count, "date does", "dates do")} not fit and ${count === 1 ? "was" : "were"} skipped:`,
    openEnded: "It goes on until it is cancelled; later sessions are added as their weeks come.",
    until: (date) => `Last date: ${date}.`,
    action: "See my weekly bookings",
  },
  weekly: (day, time, every) => (every === 1 ? `every ${day} ${time}` : `every ${every} weeks on ${day} ${time}`),
  session_cancelled: {
    subject: (when) => `Cancelled: ${when}`,
    intro: (by) => `This session was cancelled ${by}.`,
    action: "Book another time",
  },
  series_cancelled: {
    subject: (rule) => `Weekly booking cancelled: ${rule}`,
    intro: (rule, by) => `The weekly booking ${rule} was cancelled ${by}.`,
    removed: (count) => `${plural(count, "upcoming session was", "upcoming sessions were")} removed:`,
  },
  no_show: {
    subject: (when) => `Marked as missed: ${when}`,
    intro: "This session was marked as a no-show.",
  },
  occurrence_conflict: {
    subject: (when) => `Could not be scheduled: ${when}`,
    intro: "This date of a weekly booking could not be put on the calendar, so it is not booked.",
    action: "See the conflict",
  },
  conflict_resolved: {
    subject: (when) => `Resolved: ${when}`,
    placed: "This date, which could not be scheduled before, is now on the calendar.",
    dismissed: "This date, which could not be scheduled, was dismissed: there is no session then.",
  },
  reminder: {
    subject: (when, lead) => `Reminder (${lead}): ${when}`,
    intro: (lead) => `Your session starts ${lead}.`,
    lead: { "2h": "in 2 hours", "24h": "tomorrow" },
  },
  classWith: (title, coach) => `${title} with ${coach}`,
  class_enrolled: {
    subject: (title, when) => `Place confirmed: ${title}, ${when}`,
    intro: (title) => `You have a place in ${title}.`,
    action: "See my classes",
  },
  class_waitlisted: {
    subject: (title, when) => `Waitlist: ${title}, ${when}`,
    intro: (title, position) => `${title} is full: you are number ${position} on the waitlist.`,
    promise: (hours) => `If a place frees up until ${hours} before the class, it goes to the first on the waitlist and we tell you at once.`,
    action: "See my classes",
  },
  class_promoted: {
    subject: (title, when) => `A place freed up: ${title}, ${when}`,
    intro: (title) => `A place freed up and it is yours: you now have a place in ${title}.`,
    action: "See my classes",
  },
  class_place_cancelled: {
    subject: (title, when) => `Place cancelled: ${title}, ${when}`,
    intro: (title, by) => `Your place in ${title} was cancelled ${by}.`,
    action: "See the classes",
  },
  owner_digest: {
    subject: (date) => `Coachbook daily digest, ${date}`,
    intro: (date) => `What happened on ${date}:`,
    run: (created, conflicts, completed) =>
      `Session generation: ${plural(created, "session", "sessions")} created, ${plural(conflicts, "conflict", "conflicts")}, ${plural(completed, "session", "sessions")} completed.`,
    noRun: "Session generation did not run.",
    failedRun: (error) => `Session generation failed: ${error}`,
    openConflicts: (count) => `Open conflicts: ${count}.`,
    failedDeliveries: (count) => `Messages that could not be delivered: ${count}.`,
    action: "Open the outbox",
  },
};

const fr: Catalog = {
  intl: "fr-FR",
  hello: (name) => `Bonjour ${name},`,
  signOff: "— Coachbook",
  footerAccount: "Vous recevez cet e-mail en raison de votre compte Coachbook.",
  footerUnsubscribe: "Vous pouvez désactiver ces e-mails en un clic :",
  unsubscribeLink: "Se désabonner",
  openApp: "Ouvrir Coachbook",
  coachTime: (time, zone) => `${time} à l'heure de ${zone}, le fuseau du coach`,
  sessionWith: (name) => `Séance avec ${name}`,
  when: "Quand",
  with: "Avec",
  reasonLabel: "Motif",
  byWho: {
    member: (name) => `par ${name}`,
    coach: (name) => `par ${name} (coach)`,
    owner: "par le studio",
    system: "par Coachbook",
  },
  because: {
    time_off: (coach) => `car ${coach} est absent·e (congé)`,
    availability: (coach) => `car les horaires de ${coach} ont changé`,
    series: "car la réservation hebdomadaire a été annulée",
  },
  conflictReason: {
    outside_availability: "l'horaire est en dehors des heures du coach",
    blocked: "le coach est en congé à ce moment-là",
    coach_busy: "le coach a une autre séance à ce moment-là",
    member_busy: "le membre a une autre séance à ce moment-là",
  },
  password_reset: {
    subject: "Réinitialisez votre mot de passe Coachbook",
    intro: "Quelqu'un (vous, espérons-le) a demandé à réinitialiser le mot de passe de votre compte Coachbook.",
    action: "Choisir un nouveau mot de passe",
    expiry: "Le lien est valable une heure.",
    ignore: "Si vous n'avez rien demandé, ignorez cet e-mail : votre mot de passe reste inchangé.",
  },
  email_verification: {
    subject: "Confirmez votre adresse e-mail",
    intro: "Merci de confirmer que cette adresse e-mail est bien la vôtre pour Coachbook.",
    action: "Confirmer mon adresse",
    ignore: "Si vous n'avez pas créé de compte, ignorez cet e-mail.",
  },
  welcome: {
    subject: "Bienvenue sur Coachbook",
    intro: (studio) => `${studio} vous a créé un compte Coachbook pour réserver et suivre vos séances.`,
    action: "Choisir mon mot de passe",
    then: "Connectez-vous ensuite avec cette adresse e-mail.",
  },
  booking_confirmed: {
    subject: (when) => `Réservé : ${when}`,
    intro: "Votre séance est réservée.",
    action: "Voir mes séances",
  },
  series_confirmed: {
    subject: (rule) => `Réservation hebdomadaire confirmée : ${rule}`,
    intro: (rule) => `Votre réservation hebdomadaire est confirmée : ${rule}.`,
    placed: (count) => `${plural(count, "séance est", "séances sont")} au calendrier :`,
    skipped: (count) => `${plural(count, "date ne convient pas et a été sautée", "dates ne conviennent pas et ont été sautées")} :`,
    openEnded: "Elle continue jusqu'à son annulation ; les séances suivantes s'ajoutent au fil des semaines.",
    until: (date) => `Dernière date : ${date}.`,
    action: "Voir mes réservations hebdomadaires",
  },
  weekly: (day, time, every) => (every === 1 ? `chaque ${day} ${time}` : `toutes les ${every} semaines le ${day} ${time}`),
  session_cancelled: {
    subject: (when) => `Annulée : ${when}`,
    intro: (by) => `Cette séance a été annulée ${by}.`,
    action: "Réserver un autre horaire",
  },
  series_cancelled: {
    subject: (rule) => `Réservation hebdomadaire annulée : ${rule}`,
    intro: (rule, by) => `La réservation hebdomadaire ${rule} a été annulée ${by}.`,
    removed: (count) => `${plural(count, "séance à venir a été retirée", "séances à venir ont été retirées")} :`,
  },
  no_show: {
    subject: (when) => `Absence notée : ${when}`,
    intro: "Cette séance a été notée comme manquée (absence).",
  },
  occurrence_conflict: {
    subject: (when) => `Non planifiée : ${when}`,
    intro: "Cette date d'une réservation hebdomadaire n'a pas pu être mise au calendrier : elle n'est pas réservée.",
    action: "Voir le conflit",
  },
  conflict_resolved: {
    subject: (when) => `Résolu : ${when}`,
    placed: "Cette date, qui n'avait pas pu être planifiée, est maintenant au calendrier.",
    dismissed: "Cette date, qui n'avait pas pu être planifiée, a été écartée : il n'y a pas de séance.",
  },
  reminder: {
    subject: (when, lead) => `Rappel (${lead}) : ${when}`,
    intro: (lead) => `Votre séance commence ${lead}.`,
    lead: { "2h": "dans 2 heures", "24h": "demain" },
  },
  classWith: (title, coach) => `${title} avec ${coach}`,
  class_enrolled: {
    subject: (title, when) => `Place confirmée : ${title}, ${when}`,
    intro: (title) => `Vous avez une place au cours ${title}.`,
    action: "Voir mes cours",
  },
  class_waitlisted: {
    subject: (title, when) => `Liste d'attente : ${title}, ${when}`,
    intro: (title, position) => `Le cours ${title} est complet : vous êtes n° ${position} sur la liste d'attente.`,
    promise: (hours) => `Si une place se libère jusqu'à ${hours} avant le cours, elle revient au premier de la liste et nous vous prévenons aussitôt.`,
    action: "Voir mes cours",
  },
  class_promoted: {
    subject: (title, when) => `Une place s'est libérée : ${title}, ${when}`,
    intro: (title) => `Une place s'est libérée et elle est pour vous : vous avez une place au cours ${title}.`,
    action: "Voir mes cours",
  },
  class_place_cancelled: {
    subject: (title, when) => `Place annulée : ${title}, ${when}`,
    intro: (title, by) => `Votre place au cours ${title} a été annulée ${by}.`,
    action: "Voir les cours",
  },
  owner_digest: {
    subject: (date) => `Résumé quotidien Coachbook, ${date}`,
    intro: (date) => `Ce qui s'est passé le ${date} :`,
    run: (created, conflicts, completed) =>
      `Génération des séances : ${plural(created, "séance créée", "séances créées")}, ${plural(conflicts, "conflit", "conflits")}, ${plural(completed, "séance terminée", "séances terminées")}.`,
    noRun: "La génération des séances n'a pas eu lieu.",
    failedRun: (error) => `La génération des séances a échoué : ${error}`,
    openConflicts: (count) => `Conflits ouverts : ${count}.`,
    failedDeliveries: (count) => `Messages non délivrés : ${count}.`,
    action: "Ouvrir la boîte d'envoi",
  },
};

const catalogs: Record<Locale, Catalog> = { en, fr };

export function catalogFor(locale: Locale): Catalog {
  return catalogs[locale];
}
