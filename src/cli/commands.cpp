// The table of `sla` commands: names, options and help text. main.cpp dispatches on it and
// help.cpp renders it, so what `sla help` says is what the parser accepts.
#include "command.hpp"

namespace sla::cli {
namespace {

const OptionSpec kRules{"rules", "F",
                        "a rules file (YAML); repeat the option to load several files", true, true};
const OptionSpec kCalendar{"calendar", "ID", "the id of a calendar defined in the rules", true};
const OptionSpec kJson{"json", "",
                       "print one JSON object: the inputs as understood (times with their offset, "
                       "the duration in canonical form) and the result"};

const Command kCommands[] = {
    {"add",
     "add a duration to a time on a calendar's clock",
     "Prints the time that lies the duration D after T on calendar ID's clock (before T when D\n"
     "is negative), in the calendar's zone. D is any rule duration: 1h30m, -2h, 90s (business\n"
     "time), 2bd (business days), 3cd (calendar days), eobd, eobd+1, bd+1@10:00.\n"
     "With --landing close (default) a deadline that uses up a window lands on its close\n"
     "(16:00 + 1h = 17:00); with next_open it moves to the next opening.",
     {kRules,
      kCalendar,
      {"start", "T", "the start: ISO-8601 with offset, or local time in the calendar's zone", true},
      {"duration", "D", "the duration to add, e.g. 4h, -2h, 2bd, eobd+1, bd+1@10:00", true},
      {"landing", "close|next_open", "where a result at a window's close lands (default close)"},
      kJson},
     "",
     run_add},
    {"between",
     "business seconds between two times",
     "Prints the business time in [FROM, TO) on calendar ID as signed whole seconds: negative\n"
     "when TO is before FROM.",
     {kRules,
      kCalendar,
      {"from", "T", "the first time (ISO-8601; without offset = local time)", true},
      {"to", "T", "the second time (ISO-8601; without offset = local time)", true},
      kJson},
     "",
     run_between},
    {"roll",
     "move a time into open hours",
     "Prints T itself when the calendar is open at T, else the next opening (--forward) or the\n"
     "previous close (--backward).",
     {kRules,
      kCalendar,
      {"at", "T", "the time to roll (ISO-8601; without offset = local time)", true},
      {"forward", "", "roll to the next open instant", false, false, "direction"},
      {"backward", "", "roll to the previous close", false, false, "direction"},
      kJson},
     "",
     run_roll},
    {"advance",
     "move a date by N business days",
     "Prints the date N business days after DATE (before it when N is negative), the way\n"
     "numpy.busday_offset does: a DATE that is not a business day is first rolled by the\n"
     "convention, then moved. A business day is a date on which a window opens.",
     {kRules,
      kCalendar,
      {"date", "YYYY-MM-DD", "the date to move", true},
      {"days", "N", "business days to move, e.g. 3 or -3", true},
      {"convention", "C",
       "how a DATE that is not a business day is rolled first: following (default), preceding, "
       "modified_following, modified_preceding or raise (fail)"},
      kJson},
     "",
     run_advance},
    {"windows",
     "the open windows of each date of a range",
     "Prints every date from FROM to TO (inclusive), one a line, with its open windows in local\n"
     "clock time and why it has them, e.g.\n"
     "  2026-10-01 Thu closed (holiday: National Day)\n"
     "  2026-02-14 Sat 09:00-12:00 13:00-18:00 (make-up workday)\n"
     "  2026-11-23 Mon 09:00-12:00 13:00-18:00\n"
     "An overnight window shows its close as clock time (22:00-06:00) on the date it opens.",
     {kRules,
      kCalendar,
      {"from", "DATE", "the first date, YYYY-MM-DD", true},
      {"to", "DATE", "the last date, YYYY-MM-DD (inclusive)", true},
      kJson},
     "",
     run_windows},
    {"validate",
     "check rule files and print every diagnostic",
     "Loads the rule files F... (and --rules F) and prints every problem found, as\n"
     "file:line:col: error|warning: message [SLAnnn], on stdout. Exits with 1 when any\n"
     "diagnostic is an error, 0 when there are none or only warnings.",
     {{"rules", "F", "a rules file, like a positional F", false, true},
      {"format", "text|json", "text (default) or json: an array, one object per diagnostic"},
      {"json", "", "the same as --format json"}},
     "F...",
     run_validate},
    {"due",
     "the deadlines and escalation schedule of a new ticket",
     "Prints, for a ticket of policy P, tier T and severity S created at T to which nothing\n"
     "happens, each target's start, due instant and goal, and the instant of each of its\n"
     "escalation levels. Targets that wait for an event (responded, met(x)) say so. Times\n"
     "without an offset are local to the tier's calendar.",
     {kRules,
      {"policy", "P", "the policy id", true},
      {"tier", "T", "a tier id of the policy", true},
      {"severity", "S", "a severity id or alias", true},
      {"created", "T", "when the ticket is created (ISO-8601; without offset = tier's zone)", true},
      {"json", "", "print one JSON object (schema/schedule.schema.json)"}},
     "",
     run_due},
    {"evaluate",
     "the state of every SLA clock of a ticket, or of a JSON Lines stream of tickets",
     "Evaluates the ticket in --ticket (a JSON object, schema/ticket.schema.json) at NOW and\n"
     "prints every target's state, due instant and escalation levels, the ticket's severity and\n"
     "assignee, and the next instant anything changes (next wakeup). With --tickets, reads\n"
     "JSON Lines ('-' = stdin) and prints one JSON result per line, in order; a line that is\n"
     "not a ticket gives an error record naming the line, and the run goes on. NOW is the\n"
     "ticket's own \"now\", else --now, else the current time. Exits with 1 when any ticket\n"
     "could not be evaluated.",
     {kRules,
      {"ticket", "T.json", "a ticket as JSON ('-' = stdin)", false, false, "input"},
      {"tickets", "T.jsonl", "tickets as JSON Lines ('-' = stdin)", false, false, "input"},
      {"now", "T", "the instant to evaluate at, with its UTC offset (default: now)"},
      {"jobs", "N", "--tickets: threads to evaluate on (default: one per core)"},
      {"json", "", "--ticket: print the JSON result (schema/evaluation.schema.json)"}},
     "",
     run_evaluate},
    {"test",
     "run policy test files: the deadlines tickets must get",
     "Runs each policy test FILE (YAML: the rules under test and cases of tickets with what\n"
     "their evaluation must show; rules/README.md, \"Policy tests\"). Prints every failing case\n"
     "with the file:line:col of each failing expectation, expected vs actual, and a summary.\n"
     "Exits with 1 when any case fails or any file cannot run.",
     {{"junit", "OUT.xml", "also write the results as JUnit XML"}},
     "FILE...",
     run_test},
    {"graph",
     "Graphviz dot of the role ladder and target dependencies",
     "Prints a Graphviz digraph (render it with: dot -Tsvg) of the role ladder, an edge from\n"
     "each role to the role it escalates to, and of each policy's targets: an edge A -> B means\n"
     "that B's clock starts when target A is met or breached (the edge says which), or on event\n"
     "A (a plain-text node such as \"created\"). Each policy is a cluster of its own. The same\n"
     "rules always give the same text.",
     {kRules,
      {"policy", "P", "draw only the policy with this id (the role ladder is always drawn)"},
      {"json", "", "print one JSON object: the ids of the policies drawn and the dot text"}},
     "",
     run_graph},
};

}  // namespace

std::span<const Command> commands() { return kCommands; }

}  // namespace sla::cli
