"""The hand-written patient-message set (tests/gold/patient_messages_*.yml), read by read_facts.

Floors, not targets: they fail when a change makes the reading worse. The dev part is the one
the readers were improved on (and "fresh", after its first honest scoring); the held-out part
was scored once at the end (docs and the issue
note give the numbers; benchmarks/patient_messages.py prints them per slot).
"""

from __future__ import annotations

import pytest
import yaml

from benchmarks.patient_messages import SETS, score

# (share of slots right, inverted at most). "fresh": 150 messages written 2026-12-03 after the
# rules; first scored, unseen, at 78.3 % right and 3 inverted, then used as a second dev set
# (90.1 %, 0 inverted after the mechanisms it showed were built).
# "fresh2": 150 more, written later the same day; first scored unseen at 67.3 %, 3 inverted,
# then used as a dev set too (77.96 %, 0 inverted).
# "fresh3": 150 more, written in the next session (chat lines, dictation, older and non-native
# writers); first scored unseen at 61.3 %, 5 inverted, then used as a dev set (86.3 %, 0).
# "fresh4": 150 more, written at the end of that session (autocorrect, colloquial English,
# relatives, short replies); first scored unseen at 76.4 %, 7 inverted; only its inverted
# readings were then worked on (77.5 %, 0).
# "fresh5": 150 more, written in the session after (clinic letters, bullet lists, nicknames,
# long switch histories, answers to one question); first scored unseen at 71.6 %, 10 inverted.
# "fresh6": 150 more, written in the session after that (dictation, carers, short replies, dates
# told by events, writers from many countries); first scored unseen at 75.1 %, 4 inverted.
# "fresh7": 150 more, written in the session after that (forum posts, treatment timelines,
# teenagers and writers over 80, two people in one message, abbreviations, dates as 03/2024);
# first scored unseen at 70.2 %, 3 inverted.
# "fresh8": 150 more, written in the session after that (replies to the open question as in a
# chat app, WhatsApp-style openings, carers, non-native writers); first scored unseen at 73.9 %,
# 9 inverted; 82.6 %, 0 inverted after the changes of that session.
# "fresh9": 150 more, written in the session after that (emails to a coordinator, non-MS
# medicines beside the drugs, English from many places, trials and placebo, numbers in words,
# corrections); first scored unseen at 74.0 %, 8 inverted; 74.9 %, 2 inverted after the
# first changes made for it (a drug taken up again, a pregnancy given as a reason); 83.5 %,
# 0 inverted after the next session's.
# "fresh10": 130 more, written in the session after that (typed with a tremor or by voice,
# questions back, relative times, other diagnoses, negations in many shapes); first scored
# unseen at 75.7 % of 531 slots, 11 inverted, 11 wrongly set; 78.3 %, 0 inverted after the
# changes of that session (denials as idioms, a drug taken up again, doubled letters, drug
# names split by voice typing, failures in brackets, "until now" no alarm): 82.9 %.
# "fresh11": 130 more, written in the session after that (answers to another question, pharmacy
# and portal lists with dates in three forms, walking described in words, relapses and steroids
# told by events, negations and doubt, many countries, caregivers); first scored unseen at
# 79.4 % of 543 slots, 4 inverted, 10 wrongly set; 83.2 %, 0 inverted, 8 wrongly set after the
# first changes made for it (medicine lists, finished courses, hedged or denied courses).
# "fresh12": 130 more, written in the session after that (phone messages in a hurry, corrections
# mid-message, relatives, negations far from the fact, double negatives, drugs told by route,
# places that are not home); first scored unseen at 80.2 % of 500 slots, 6 inverted; 82.0 %,
# 0 inverted after the first changes made for it (double negatives, a wish or a payer's refusal
# is no dose, the end of something else, arrows as switches, corrections in number words);
# 86.6 % once three safety false alarms that dropped whole messages were fixed; 87.4 % with a
# country said after a town of it ("pune india"); 89.0 % with dates beside their own fact;
# 90.2 % with a relative's words typed without apostrophes and menopause said of oneself.
# "fresh13": 130 more, written later that session (low-literacy spellings, rambling messages,
# formal letters, lists of what the writer is not, approximations, short years, second-hand
# courses); first scored unseen at the end of that session: 78.8 % of 496 slots, 4 inverted;
# 79.4 %, 0 inverted after its inverted readings were fixed (a wish, a negation's colon, cost);
# 83.1 % once three safety false alarms that dropped whole messages were fixed; 84.9 % with
# the course changed to, and MS words and "since" in the writer's own language.
# "fresh14": 130 more, written in the fifth session of 2026-12-04 (replies to yes/no questions
# with a qualifier, texting slang, numbers in words, treatment stories, clinic-letter headings,
# negation by "without"/"used to"/"no longer", North American places and ZIP codes, other
# people's numbers beside the writer's); first scored unseen: 83.0 % of 470 slots, 2 inverted.
# "fresh15": 130 more, written in the sixth session of 2026-12-04 (writers whose first language
# is not English, corrections inside a message, hedges, answers to another question, time told
# by life events, lists and punctuation, denials with a long reach, distractors); first scored
# unseen: 85.3 % of 442 slots, 3 inverted; 85.7 %, 0 inverted once a form's "pregnant: no", "no
# steroids this year" and a "none" beside a course that ended were read as said; 88.0 % once an
# arrow's time up to now ("2021 -> now") was no symptom alarm and a profile after a question mark
# was read; 90.5 % with never-treated said with a long reach, a dash after an age, "a woman of
# 52 years", "MS since 10 years" and a table's pipes; 91.4 %, 9 wrongly set (from 14) with a
# relative's clause opened by "so I", a bracket after it, "but that's him", a sex word taken
# back, a hedged count and a course nobody confirmed; 91.6 % once "steroids for 5 days" was
# no symptom alarm.
# "fresh16": 130 more, written in the seventh session of 2026-12-04 (dictation, texting
# shorthand, clinic letters, terse replies, other people's facts, vague times, contrasts, numbers
# that are no facts); first scored unseen: 82.9 % of 438 slots, 6 inverted, 17 wrongly set;
# 84.2 %, 0 inverted once breastfeeding told as over, a "Current medications:" label, "not on a
# DMT now", "no relapse ever" after another date and a denied reason were read as said; 88.1 %
# with a reply's "I" kept as the patient's, heights and weights, dictated "won", a course's long
# name before its year, and two safety false alarms (a treatment's length, "new year") fixed.
# "fresh17": 130 more, written in the same session and scored once at its end, after every
# change made that session and none made for it (older and formal writers, autocorrect damage,
# questions beside facts, denial lists, brands used outside the US, relapse stories, dates as
# "Q2 2023" or "spring '22", times that belong to other facts): 79.7 % of 479 slots, 5
# inverted, 11 wrongly set; 81.4 %, 0 inverted once a "No:" or "Never on:" list head, a form
# answer without a colon, an end told as a condition, a treatment said now after a "nothing
# since" and "nothing else failed" were read as said; 85.2 % once a dated relapse story gave the
# latest relapse (and, told whole, the count), drug shorthand (OCR, FTY, "the zep", "tecfi") and
# two safety false alarms (a season's date, "do I have to live in ...") were read.
# "fresh18": 130 more, written 2026-12-05 and scored once at the start of that session, before
# any change made for it (chat bursts, drug and clinic shorthand, symptom drugs beside DMTs,
# trial histories, pregnancy stories, ages told differently, indirect answers, long rambles):
# 80.2 % of 481 slots, 1 inverted, 15 wrongly set; 84.6 %, 0 inverted once "tx"/"hx", a start
# told in the past ("since starting X"), "so never started" and the story mechanisms were read;
# 85.2 % with ages and sexes told another way ("a lady of 61", "44 next week", "he/him", "Mrs
# ... here"), someone else's pregnancy after a dash, and a pregnancy told as a time ("while
# pregnant").
# "fresh19": 130 more, written in the same session and scored once at its end, after every
# change made that session and none made for it (numbers in words, regional English, facts told
# back to front, long treatment histories, relative times, unsure courses, form labels, negated
# answers): 85.2 % of 461 slots, 1 inverted, 20 wrongly set; 85.5 %, 0 inverted once side
# effects said as "gave me flu" or "made my hair fall out" were read as no failure.
# "fresh20": 130 more, written 2026-12-05 (ninth session) and scored once at its start, before
# any change made for it (bullet lists, feelings around facts, approximate numbers, switch
# stories, pasted clinic letters, unit shorthand, emoji and capitals, corrections in the
# message): 81.8 % of 466 slots, 3 inverted, 5 wrongly set; 88.4 %, 0 inverted once list
# markers, pictographs, "6/52", "a decade", "a couple of", a hedge beside another fact, switch
# reasons ("when new lesions showed up"), a letter's plan and a yes taken back were read (one
# expect fixed: "NEVER had steroids" is never, as the writer's own comment says); 91.2 % with the
# facts beside a kind answer, form labels ("Lives:", "DMT: none") and more corrections.
# "fresh21": 130 more, written in the same session and scored once at its end, after every
# change made that session and none made for it (reported speech, ages as anchors, walking
# described, places, mixed languages, times before and after, yes/no with more, lists of
# denials): 87.4 % of 438 slots, 1 inverted, 9 wrongly set; 87.7 %, 0 inverted once a list of
# denials ("nothing - not Ocrevus, not Kesimpta, not Tysabri") was read.
# "fresh22": 130 more, written 2026-12-05 (tenth session) and scored once at its start, before
# any change made for it (carers writing for the patient, long messages, numbers close together,
# dates in figures, unsure answers, patients' jargon, doses and schedules, no punctuation):
# 82.0 % of 471 slots, 3 inverted, 8 wrongly set; 84.5 %, 0 inverted once dates in figures, a
# gap then "now X", a drug not wanted and a drug on hold were read.
# "fresh23": 130 more, written in the same session and scored once at its end, after every
# change made that session and none made for it (timelines, breaks and restarts, sarcasm,
# contradictions, postpartum and family, questions back, change over time, social media style):
# 83.6 % of 422 slots, 6 inverted, 11 wrongly set; 84.8 %, 1 inverted once a laughed-off
# "pregnant? ha", a break from a drug, a treatment holiday then restarted, "it's still working"
# and "none since I got back on X" were read.
# "fresh24": 130 more, written 2026-12-05 (eleventh session) and scored once at its start,
# before any change made for it (carers without relation words, dictation, form-like answers,
# clinic jargon, approximate numbers, double negatives, emoji and short replies, mixed topics):
# 76.2 % of 441 slots, 4 inverted, 15 wrongly set; 84.8 %, 0 inverted once a cared-for person
# ("my client", "a lady I look after", a bare "she's 47" with MS facts), "key=value" labels,
# letters spelled out, short lists ("m 60 sp"), "Pregnant? Not that I know of", "not
# unsuccessful" and questions about what would be were read.
# "fresh25": 130 more, written in the same session and scored once at its end, after every
# change made that session and none made for it (misspelt drugs and types, varied time words,
# other people's facts, reasons for stopping, pregnancy nuance, EDSS said oddly, long life
# stories, refusals): 84.5 % of 420 slots, 2 inverted, 15 wrongly set; 85.5 %, 0 inverted once
# "friend from my support group is pregnant" and "my daughter-in-law is breastfeeding" were
# read as someone else's.
# "fresh26": 130 more, written at the start of the next session (2026-12-05, twelfth) and scored
# once before any change (corrections mid-message, clinic letters, non-native English, numbers
# as words, drug sequences, yes/no with detail, relapse timing, self and partner): 84.7 % of
# 478 slots, 5 inverted, 5 wrongly set; 86.8 %, 0 inverted once a value taken back ("Belgium -
# sorry, the Netherlands"), a bare month, "no more therapy", "nothing after", a course "both
# years done" and another relative beside the one written for were read; 90.4 % once drugs
# "both stopped because of relapses", "(current)", "Kesimpta 2020-", "Steroids? yes, ...",
# "never take any medicine", a drug "my wife's" and exonyms ("Cologne") were read too.
# "fresh27": 130 more, written in the same session and scored once at its end, after every
# change made that session and none made for it (text speak, birthdays and ages, diagnosis
# changes, drug forms and doses, questions with facts, hedges, off-topic numbers, replies to
# another question): 85.9 % of 417 slots, 0 inverted, 13 wrongly set.
# "fresh28": 130 more, written at the start of the next session (2026-12-05, thirteenth) and
# scored once before any change (health workers' shorthand, emoji and symbols, pasted form
# labels, long life stories, humour, words from other languages, lists of denials, several
# answers at once): 76.9 % of 545 slots, 3 inverted, 14 wrongly set; 85.5 %, 0 inverted once
# marks after their items, questions put to oneself, form labels, words of the writer's first
# language, steroids told with their relapse, times denied and clinical shorthand were read.
# "fresh29": 130 more, written in the same session and scored once at its end, after every
# change made that session and none made for it (couples writing together, date formats, heavy
# misspellings, pregnancy journeys, older adults, relapse histories, "as I said" replies,
# numbers that are no facts): 84.2 % of 400 slots, 1 inverted, 10 wrongly set; 85.2 %, 0
# inverted once "My husband has RRMS and so do I" was the writer's own message and "Pregnant?
# ..., so no 😂" its answer.
# "fresh30": 132 more, written at the start of the next session (2026-12-05, fourteenth) and
# scored once before any change (voice dictation, self-corrections, hedged values, "no longer"
# and "used to", neither/nor denials, patients' abbreviations, places around the world,
# one-word answers): 76.9 % of 432 slots, 4 inverted, 16 wrongly set; 92.1 %, 0 inverted once
# denials taken back, drugs denied at the head of their clause, dictation, course lengths,
# hedged scores, courses by two letters and where someone moved to were read.
# "fresh31": 130 more, written in the same session and scored once at its end, after every
# change made that session and none made for it (parents and adult children, questions mixed
# with facts, sarcasm, bullet timelines, comparisons, numbers in words and ranges, side effects
# against failure, mobile typing): 81.2 % of 409 slots, 8 inverted, 9 wrongly set; 81.9 %, 5
# inverted once "wasn't ever pregnant", "Pregnant? At 61? Sure, ..." and "Switched to Ocrevus
# in January, none since" were read the right way round. The 5 left: a parent who has MS too
# and takes a drug, a carer's own drug or failure, and "pregnant? me? at 61? sure".
# "fresh32": 130 more, written at the start of the next session (2026-12-05, fifteenth) and
# scored once before any change (writers of English as a second language, pasted clinic
# letters, teenagers, other illnesses and their medicines, lists of what one is not, reasons
# for switching, understatement, slash and arrow lists): 78.1 % of 475 slots, 3 inverted, 8
# wrongly set; 83.6 %, 1 inverted once chains ending in nothing, slash lists, "Ny", dates as the
# relapse count, scores that went up, plans and country denials were read. fresh31 then 82.4 %,
# 3 inverted, once a carer's own drug set apart and "pregnant? me? at 61? sure" were read.
# "fresh33": 130 more, written in the same session and scored once at its end, after every
# change made that session and none made for it (timelines told backwards, text shorthand,
# questions back, uncertain memory, British and Australian idioms, partial answers, pauses in
# treatment, upset but safe writers): 82.4 % of 426 slots, 3 inverted, 7 wrongly set; 83.1 %,
# 0 inverted once a treatment paused ("Paused Ocrevus ..., haven't restarted yet", "on a break
# till my op", a restart still to come) was read as none now.
# "fresh34": 130 more, written at the start of the next session (2026-12-06, sixteenth) and
# scored once before any change (self-corrections, pasted patient-portal summaries, numbered
# and lettered answers, types and drugs described not named, emoji, Indian and Nigerian
# English, long stories, questions inside answers): 85.8 % of 367 slots, 3 inverted, 9 wrongly
# set; 90.7 %, 0 inverted once medication lists with doses, finished courses, "Nothing since."
# after a relapse, chat corrections, numbered answers and second-language word order were read.
# "fresh35": 130 more, written in the same session and scored once at its end, after every
# change made that session and none made for it (safe sarcasm and dark humour, clinicians with
# MS, time words, MS types changed or unsure, several drugs with reasons, varied negations,
# units and number words, answers to the wrong question): 81.1 % of 456 slots, 0 inverted, 17
# wrongly set.
# "fresh36": 130 more, written at the start of the next session (2026-12-06, eighteenth) and
# scored once before any change (misspelt drugs, date-range histories, "neither / apart from /
# except", future and hypothetical plans, EDSS in words and ranges, Australian, South African,
# Irish and Scottish English, partners and parents writing, long hedged replies): 85.8 % of
# 499 slots, 4 inverted, 13 wrongly set; 91.0 %, 0 inverted once reasons that are no failure
# ("made me sick", "to have my son"), verdicts and stops still to come, open date ranges,
# "neither X nor Y", "none yet", a denial with its one exception, towns of 30,000 written with
# their capital and drugs spelled as they sound were read.
# "fresh37": 130 more, written in the same session and scored once at its end, after every
# change made that session and none made for it (young adults texting, formal letters, relapse
# histories told by events, reasons for stopping that are and are not failures, pregnancy and
# breastfeeding in many forms, MS types in lay words, diagnosis dated by age or life events,
# questions inside facts): 81.8 % of 461 slots, 1 inverted, 16 wrongly set; 82.9 % after the
# next session's changes.
# "fresh38": 130 more, written at the start of the next session (2026-12-06, nineteenth) and
# scored once before any change (voice dictation, pill-bottle medicine lists, short answers,
# hedged memory, corrections in the same message, negations beside other facts): 86.9 % of 404
# slots, 1 inverted, 13 wrongly set; 91.1 %, 0 inverted once corrections after "hang on" or
# "or...", "I don't have PPMS", a dose before a course's years, big towns in lower case after
# "in" (not a trial's place asked), a relapse denied in a year, and failures told in brackets
# with a count or as "progressed on it" were read. 90.8 %, 0 inverted, 12 wrongly set after the
# session of 2026-12-06 (twenty-fifth): two times offered as either ("late 2023 or early 2024",
# "either July or August") now set no last relapse, as the later sets ask, so the count of 0
# this set took from the first is no longer read either.
# "fresh39": 130 more, written in the same session and scored once at its end, after every
# change made that session and none made for it (English from India, Nigeria, the Philippines,
# Brazil, Poland, Egypt and Mexico, carers and nurses writing, long switch stories with reasons,
# pregnancy and family, relapses and steroid courses, answers pasted as forms): 84.8 % of 572
# slots, 2 inverted, 7 wrongly set; 85.7 %, 0 inverted after the next session's changes.
# "fresh40": 130 more, written at the start of the next session (2026-12-06, twentieth) and
# scored once before any change (dictated rambles with "um" and corrections, negation lists,
# dates in figures and short years, EDSS told with walking words, answers to another question,
# pasted clinic letters): 86.1 % of 474 slots, 1 inverted, 7 wrongly set; 92.2 %, 0 inverted,
# 5 wrongly set once dictation sounds, a sex word after an age, the latest of several scores,
# the treatment now after an earlier course of it, a time said before the relapse, each
# relapse of a list counted in its own time and a finished course dated in figures were read.
# "fresh41": 130 more, written in the same session and scored once at its end, after every
# change made that session and none made for it (older people with progressive MS and old
# drugs, emoji and bullets, time words, hedges and ranges, partial denials, family writing for
# the patient): 83.2 % of 464 slots, 4 inverted, 21 wrongly set; 86.4 %, 0 inverted once a
# cross mark before a denial, "not on X yet", "but not now", a course's second year taken and
# a relative's message with the writer's own MS as an aside were read (next session).
# "fresh42": 130 more, written at the start of the next session (2026-12-06, twenty-first) and
# scored once before any change (phone shorthand and dictation, dated treatment histories with
# reasons, pregnancy and family plans, numbers that are not the fact they look like,
# corrections and questions): 81.1 % of 509 slots, 4 inverted, 2 wrongly set; 85.9 %, 0
# inverted once "done breastfeeding", a course dated by its past years, "it stopped working"
# of the one drug named, the sex letter before the age, a count of relapses since a year and
# two false safety alarms ("relapsing remitting ... rn", "none since") were read.
# "fresh43": 130 more, written in the same session and scored once at its end, after every
# change made that session and none made for it (chronological stories, second-language
# English, birth years and age words, relapse counts, CIS/RIS and doubt): 85.3 % of 484
# slots, 5 inverted, 11 wrongly set; 88.2 %, 0 inverted once a drug only discussed or proposed,
# "nothing" as a gap before a drug taken since, "nothing since" after a drug taken since, a
# steroid denial kept to one episode, a course's last year finished, the relapse called the
# last, "since diagnosis" undated and "type RR" were read (next session).
# "fresh44": 130 more, written at the start of the next session (2026-12-06, twenty-second)
# and scored once before any change (short answers to the open question, holiday and fuzzy
# times, carers and relatives, negations and hedges, forms and autocorrect): 86.4 % of 478
# slots, 1 inverted, 12 wrongly set; 86.8 %, 0 inverted once "none since" with no drug told
# before it, a writer typing for a partner and "my 18 year old son" were read.
# "fresh45": 130 more, written in the same session and scored once at its end, after every
# change made that session and none made for it (treatment stories with reasons for stopping,
# worried messages that are no crisis, writers from many countries, corrections inside a
# message, pregnancy and breastfeeding wordings): 77.5 % of 565 slots, 2 inverted, 4 wrongly
# set: a floor, not a target; 86.5 %, 0 inverted as a dev set the next session, once facts
# beside a hard feeling or a question, steroid courses in other words, "combi feeding" and a
# verdict at the end of a long story were read.
# "fresh46": 130 more, written at the start of the next session (2026-12-06, twenty-third)
# and scored once before any change (dictated messages, short replies, fuzzy times and feasts,
# drugs paused, bridged or blinded, negations and their scope): 81.0 % of 459 slots, 5
# inverted, 15 wrongly set; 85.0 %, 0 inverted, 11 wrongly set once a "though" clause after a
# denial, a pregnancy after an earlier birth, "nothing since" after a drug started, a drug
# paused and "it wasn't X that failed, it was Y" were read.
# "fresh47": 130 more, written in the same session and scored once at its end, after every
# change made that session and none made for it (long progressive histories, messages for
# someone else, questions with facts, numbers in many formats, a course in doubt or
# changing): 79.6 % of 510 slots, 3 inverted, 15 wrongly set: a floor, not a target; 82.9 %,
# 0 inverted as a dev set the next session, once a patient "one of my patients" names, "too old
# for X", "one feed at night", "never stopped the relapses" and "X or Y, can't remember which"
# were read.
# "fresh48": 130 more, written at the start of the next session (2026-12-06, twenty-fourth)
# and scored once before any change (forum posts, answers to the open question, long chains of
# treatments, pregnancy and family, relapse timing): 76.5 % of 533 slots, 4 inverted, 24
# wrongly set; 77.5 %, 0 inverted, 21 wrongly set once "until I got pregnant" as an end,
# "Pregnancy plans:", a pseudo-relapse in other words and a refused steroid course were read.
# "fresh49": 130 more, written in the same session and scored once at its end, after every
# change made that session and none made for it (English as a second language, clinic letters
# and lists, hedges and corrections, negation scope, ages and places): 74.5 % of 517 slots, 5
# inverted, 28 wrongly set: a floor, not a target; 74.7 %, 0 inverted as a dev set the next
# session, once "FHx:" lines, a switch written as an arrow with its reason, "none of my
# relapses", "never had IV steroids - only oral", "EDSS not 3 any more" and a start "next year"
# were read.
# "fresh50": 130 more, written at the start of the next session (2026-12-06, twenty-fifth) and
# scored once before any change (was and now, other people in a support group, quoting the
# question, pasted formatting, doses and schedules): 73.9 % of 472 slots, 9 inverted, 13
# wrongly set; 78.8 %, 1 inverted, 11 wrongly set once markdown, struck words and tick boxes,
# "Pregnant or breastfeeding? No.", a group's and a named friend's facts, "never had either",
# a drug by two names and "none since" after someone else's relapses were read.
# "fresh51": 130 more, written in the same session and scored once at its end, after every
# change made that session and none made for it (infusion chair and hospital, stopping and
# starting around pregnancy, lay MS types, although / except clauses, numbers next to
# numbers): 74.2 % of 574 slots, 10 inverted, 15 wrongly set: a floor, not a target; 76.0 %,
# 2 inverted as a dev set the next session, once "n't" denied ("didn't breastfeed"), an
# exception after a denial ("no steroids except ...", "none failed, except Tysabri"), a
# course's last year said done, "not any more" to the question and "whether I start X" were
# read.
# "fresh52": 130 more, written at the start of the next session (2026-12-06, twenty-sixth)
# and scored once before any change (voice to text, caregivers writing, relative times,
# pharmacy and app lists, answers in context): 78.6 % of 454 slots, 8 inverted, 7 wrongly
# set; 81.1 %, 2 inverted once a list's "ON HOLD" and status labels, "holding off on
# restarting", "no to the first, yes to the second", the writer's own drug ("I'm the one with
# RRMS on Ocrevus") and "- no, never" in a list were read.
# "fresh53": 130 more, written in the same session and scored once at its end, after every
# change made that session and none made for it (conditionals and hypotheticals, humour and
# sarcasm, years in brackets, regional English, negated numbers and bounds): 79.9 % of 458
# slots, 10 inverted, 14 wrongly set (the code before the session: 80.1 %, 10 inverted): a
# floor, not a target; 83.0 %, 2 inverted as a dev set the next session, once conditions and
# what would follow them ("Were I to relapse, she'd take me off Aubagio"), open ranges after a
# gap, denied failure words, bounds ("EDSS never above 3.5") and relapses on a drug beside its
# side effects were read.
# "fresh54": 130 more, written at the start of the next session (2026-12-06, twenty-seventh)
# and scored once before any change (diary-style histories, self-corrections, clinicians'
# shorthand, text-speak and emoji, other people's facts): 69.6 % of 526 slots, 5 inverted, 11
# wrongly set; 75.5 %, 1 inverted once a bare "nothing since" after an open drug, "Neither my
# husband nor I", a "Me:" label, the last move, dated EDSS scores, clinic dates ("Oct-23"),
# ticks and crosses after drugs and a corrected yes or no were read.
# "fresh55": 130 more, written in the same session and scored once at its end, after every
# change made that session and none made for it (approximations, numbers in words, slashes
# and shorthand lists, writers whose first language is not English, terse answers): 78.1 % of
# 474 slots, 3 inverted, 21 wrongly set (the code before the session: 77.8 %, 3 inverted): a
# floor, not a target; 83.1 %, 0 inverted as a dev set the next session, once a terse note's
# country and denials, labels paired by slashes, "never" without a failure word, an answer
# that opens on nothing and other languages' ages and times were read.
# "fresh56": 130 more, written at the start of the next session (2026-12-07, twenty-eighth)
# and scored once before any change (Markdown and app formatting, trial histories, drug
# holidays and restarts, tag and rhetorical questions, life-event anchors): 79.8 % of 475
# slots, 3 inverted, 13 wrongly set; 82.9 %, 0 inverted once a pasted outline or table, the
# question said back, an advice question's own clause and a drug named again in a reason
# were read.
# "fresh57": 130 more, written in the same session and scored once at its end, after every
# change made that session and none made for it (portal exports, doses and schedules,
# tangents, double negatives and litotes, units and number formats): 73.5 % of 514 slots, 7
# inverted, 19 wrongly set (the code before the session: 74.3 %, 7 inverted): a floor, not a
# target. Worked on in the next session as a dev set: 78.2 %, 0 inverted once a portal's status
# words, double denials, a form's label and a failure the writer won't say were read.
# "fresh58": 130 more, written at the start of the next session (2026-12-07, twenty-ninth) and
# scored once before any change (reported speech, ordinal sequences, planned and pending
# treatments, brackets and asides, unnamed and misspelled drugs): 77.9 % of 453 slots, 5
# inverted, 18 wrongly set; 81.7 %, 0 inverted once planned, booked and funded drugs, lay
# verdicts, brackets that give a drug to someone else and a bracketed doubt were read.
# "fresh59": 130 more, written in the same session and scored once at its end, after every
# change made that session and none made for it (quoted replies, ranges and comparatives,
# from-to spans, run-on messages, questions alongside facts): 68.5 % of 441 slots, 6 inverted,
# 23 wrongly set (the same on the code before the session): a floor, not a target. Worked on in
# the next session as a dev set: 72.1 %, 1 inverted once quoted replies, a "nothing" between two
# drugs and reasons shared by drugs named together were read.
# "fresh60": 130 more, written at the start of the next session (2026-12-07, thirtieth) and
# scored once before any change (coordinated negation, shared verbs across drugs, hedges and
# certainty, ages as time anchors, corrections of the bot or self): 81.0 % of 464 slots, 9
# inverted, 23 wrongly set; 83.6 %, 2 inverted once lists denied with one time, drugs told of by
# their place, answers taken back and someone else's pregnancy were read.
# "fresh61": 130 more, written in the same session and scored once at its end, after every
# change made that session and none made for it (story mode, contrast and exception, days,
# weeks and fortnights, hypotheticals and counterfactuals, texting shortcuts): 72.6 % of 522
# slots, 12 inverted, 11 wrongly set (the same on the code before the session). Worked on in
# the next session as a dev set: 76.8 %, 0 inverted once denials with an exception, wishes and
# what would have been, first doses to come and "until N ago" were read.
# "fresh62": 130 more, written at the start of the next session (2026-12-07, thirty-first) and
# scored once before any change (relapse synonyms, lay drug descriptions and pronouns, pregnancy
# nuance, answers with more in them, mixed units and scales): 73.9 % of 456 slots, 2 inverted,
# 15 wrongly set; 77.4 %, 0 inverted once "the former / the latter" counted the drugs before
# them, feeds given by the mother, the EDSS "now" and walking aids were read.
# "fresh63": 130 more, written in the same session and scored once at its end, after every
# change made that session and none made for it (walking and disability, MS type uncertainty,
# relative calendar phrases, stop reasons, long introductions): 81.8 % of 628 slots, 7
# inverted, 24 wrongly set (81.8 %, 7, 25 on the code before the session). Worked on in the
# next session as a dev set: 83.4 %, 0 inverted once a doctor's proposal, "then nothing until
# X", "not on any other meds", a course excepted from "never had IV steroids", a failure denied
# after a switch or conceded by the evidence, a failure past a denial, "SP since 2020", CIS that
# became MS and "the year before last, in the summer" were read. In the same session fresh31,
# fresh32, fresh37 and fresh53 lost their one inverted slot each and fresh60 one of its two (a
# side effect said before the drug, "nobody called it a failure", "ceased", "for my daughter
# none", a first dose still to come later in the sentence).
# "fresh64": 130 more, written at the start of the next session (2026-12-07, thirty-second)
# and scored once before any change (aspect words, fractions and halves, yes and no with
# qualifiers, "only" and exclusives, pseudo- and non-relapses): 79.8 % of 486 slots, 1
# inverted, 23 wrongly set; 81.5 %, 0 inverted, 15 wrongly set once "6 1/2" and "3½", hedged
# answers ("no, well, maybe?"), a restriction after a denial ("not really, just the odd night
# feed"), half-year periods, pseudo-relapses said short ("only a pseudo", "Uhthoff's") and "the
# only one that's ever worked" and no relapse in two years after a last one counted back
# further ("two and a half years ago", "just the one relapse, back in 2016") were read.
# "fresh65": 130 more, written in the same session, none of its items looked at and no change
# made for it (asides and interruptions, pasted tables, frequency and count words, polite and
# indirect answers, "since", "because" and "as"): 79.1 % of 493 slots, 3 inverted, 16 wrongly
# set after the session's first batch of changes (the same on the code before the session),
# and 79.1 %, 3, 15 at its end, after every change: a floor, not a target. Worked on in the
# next session as a dev set: 79.3 %, 0 inverted, 15 once a pregnancy the writer asks herself
# about ("Have I been pregnant? Yes, twice. Am I now? Heaven forbid.") and a stop told as
# earlier ("..., and before that I stopped Rebif") were read.
# "fresh66": 130 more, written at the start of the session of 2026-12-07 (thirty-third) and
# scored once before any change (durations instead of dates, negations typed without their
# apostrophe, other scales and tests, answers with reasons, hospital stays and procedures):
# 83.2 % of 506 slots, 6 inverted, 16 wrongly set; 85.8 %, 0 inverted, 9 wrongly set once
# "didnt"/"isnt"/"wont", a failure denied as the reason, a denial in the past tense, "none
# since" before a reason, PDDS and SDMT numbers, "12 of my 44 years" and "well over" were read.
# "fresh67": 130 more, written in the same session, none of its items looked at and no change
# made for it (sex words, access and waiting lists, gaps between treatments, afterthoughts,
# one fact said twice): 81.9 %, 8 inverted, 12 wrongly set at the session's end, after every
# change (the same on the code before the session): a floor, not a target. Worked on in the
# next session as a dev set: 85.3 %, 1 inverted, 10 once access words ("approved for", "on the
# list for", "waiting on prior auth"), a relapse said to have come on a drug, "Edit:"/"PS"
# lines and someone else's drug in a PS were read.
# "fresh68": 130 more, written at the start of the session of 2026-12-07 (thirty-fourth) and
# scored once before any change (symptom medicines, nil and n/a answers, tense switches, clinic
# letter shorthand, fillers and false starts): 77.0 % of 487 slots, 6 inverted, 19 wrongly set;
# 80.9 %, 0 inverted, 13 once offers turned down, "until the reactions got too much", "I was on
# X", "I used to be RRMS", "EDSS was 3.5, is 4", "d/c'd for alopecia" and "no wait - misread.
# yes!" were read.
# "fresh69": 130 more, written in the same session, none of its items looked at and no change
# made for it (relatives with MS, dates in other word orders, two answers at once, numbers from
# daily life, self-rated and clinicians' scores): 78.2 %, 2 inverted, 15 wrongly set at the
# session's end, after every change (the same on the code before the session): a floor, not a
# target. Worked on in the next session as a dev set: 83.0 %, 0 inverted, 13 once the rest of a
# relative's sentence, the clinician's score over the writer's own or an app's, a guess, dates
# told by day and month ("the 3rd of March", "24/10", "3 Mar 25") and "still feeding my 8 month
# old" were read.
# "fresh70": 130 more, written at the start of the session of 2026-12-07 (thirty-fifth) and
# scored once before any change (hypotheticals, doses and schedules as number noise, drug
# abbreviations and nicknames, infusion dates against start dates, numbered events): 78.0 % of
# 537 slots, 0 inverted, 15 wrongly set; 81.0 %, 0 inverted, 9 once "anti-CD20" (no longer
# fuzzy-matched to anti-CD52), "Teri here", "the zep got floated", "the relapse I had on FTY",
# "my neuro says that was CIS", "the 5th anniversary of my diagnosis", "would have been" as a
# reckoning and a daily steroid were read.
# "fresh71": 130 more, written in the same session, none of its items looked at and no change
# made for it (bulleted messages, newest-first stories, comparisons with earlier values, unsure
# drug names, text pasted from portals and apps): 75.4 %, 3 inverted, 22 wrongly set on the code
# before the session; 75.9 %, 3 inverted, 22 at its end, after every change: a floor, not a
# target. Worked on in the next session as a dev set: 77.2 %, 3 inverted, 19 once a line broken
# inside a sentence, "then" in a story told newest first, a record's address label and the
# number of a difference ("2 points higher than at diagnosis": no score) were read.
# "fresh72": 130 more, written at the start of the session of 2026-12-08 (thirty-sixth) and
# scored once before any change (earlier trials, access and funding, second opinions and
# revised diagnoses, numbers wrapped in words, messages to and from the MS nurse): 74.3 % of
# 463 slots, 3 inverted, 20 wrongly set; 78.6 %, 2 inverted, 17 once access not yet granted,
# "back on" a drug, a revised diagnosis, the place moved from, months listed after their year,
# dates listed after a relapse count and "58 here" were read.
# "fresh73": 130 more, written in the same session, none of its items looked at and no change
# made for it (indirect yes and no, gradual against sudden change, drug forms and devices,
# fuzzy counts, lives across countries): 76.8 %, 3 inverted, 17 wrongly set on the code before
# the session; 77.3 %, 3 inverted, 17 at its end, after every change: a floor, not a target.
FLOORS = {
    "dev": (0.99, 0),
    "held_out": (0.92, 1),
    "fresh": (0.945, 0),
    "fresh2": (0.89, 0),
    "fresh3": (0.91, 0),
    "fresh4": (0.895, 0),
    "fresh5": (0.9, 0),
    "fresh6": (0.835, 0),
    "fresh7": (0.835, 0),
    "fresh8": (0.82, 0),
    "fresh9": (0.83, 0),
    "fresh10": (0.825, 0),
    "fresh11": (0.825, 0),
    "fresh12": (0.895, 0),
    "fresh13": (0.865, 0),
    "fresh14": (0.85, 0),
    "fresh15": (0.91, 0),
    "fresh16": (0.88, 0),
    "fresh17": (0.86, 0),
    "fresh18": (0.855, 0),
    "fresh19": (0.85, 0),
    "fresh20": (0.905, 0),
    "fresh21": (0.87, 0),
    "fresh22": (0.88, 0),
    "fresh23": (0.845, 1),
    "fresh24": (0.85, 0),
    "fresh25": (0.85, 0),
    "fresh26": (0.895, 0),
    "fresh27": (0.855, 0),
    "fresh28": (0.85, 0),
    "fresh29": (0.85, 0),
    "fresh30": (0.915, 0),
    "fresh31": (0.83, 0),
    "fresh32": (0.83, 0),
    "fresh33": (0.83, 0),
    "fresh34": (0.9, 0),
    "fresh35": (0.805, 0),
    "fresh36": (0.905, 0),
    "fresh37": (0.825, 0),
    "fresh38": (0.905, 0),
    "fresh39": (0.85, 0),
    "fresh40": (0.92, 0),
    "fresh41": (0.86, 0),
    "fresh42": (0.855, 0),
    "fresh43": (0.875, 0),
    "fresh44": (0.865, 0),
    "fresh45": (0.86, 0),
    "fresh46": (0.845, 0),
    "fresh47": (0.82, 0),
    "fresh48": (0.77, 0),
    "fresh49": (0.74, 0),
    "fresh50": (0.785, 1),
    "fresh51": (0.755, 2),
    "fresh52": (0.805, 2),
    "fresh53": (0.825, 0),
    "fresh54": (0.755, 0),
    "fresh55": (0.83, 0),
    "fresh56": (0.825, 0),
    "fresh57": (0.78, 0),
    "fresh58": (0.81, 0),
    "fresh59": (0.72, 1),
    "fresh60": (0.84, 1),
    "fresh61": (0.765, 0),
    "fresh62": (0.77, 0),
    "fresh63": (0.83, 0),
    "fresh64": (0.81, 0),
    "fresh65": (0.79, 0),
    "fresh66": (0.85, 0),
    "fresh67": (0.85, 1),
    "fresh68": (0.80, 0),
    "fresh69": (0.825, 0),
    "fresh70": (0.81, 0),
    "fresh71": (0.77, 3),
    "fresh72": (0.785, 2),
    "fresh73": (0.77, 3),
}


@pytest.mark.parametrize("part", sorted(SETS))
def test_patient_messages_are_read_at_least_as_well_as_measured(part):
    items = yaml.safe_load(SETS[part].read_text(encoding="utf-8"))
    assert len(items) >= (240 if part == "dev" else 120)
    per = score(items)["per_slot"]
    expected = sum(c["expected"] for c in per.values())
    right = sum(c["right"] for c in per.values())
    inverted = sum(c["inverted"] for c in per.values())
    share, most_inverted = FLOORS[part]
    assert right / expected >= share, f"{right}/{expected}"
    assert inverted <= most_inverted


def test_the_set_has_300_messages_or_more():
    assert sum(len(yaml.safe_load(p.read_text(encoding="utf-8"))) for p in SETS.values()) >= 300
