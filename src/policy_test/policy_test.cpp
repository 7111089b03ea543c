// Policy test files (sla/policy_test.hpp): read with the positioned YAML layer, run on the
// engine, each expectation compared with the evaluation.
//
// Local times (without an offset) are read in the zone of the ticket's tier calendar, the zone
// a person reading the agreement thinks in; expected instants are compared as instants.
#include "sla/policy_test.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "policy_test/codes.hpp"
#include "sla/engine.hpp"
#include "sla/iso8601.hpp"
#include "sla/rule_set.hpp"
#include "sla/words.hpp"
#include "yaml/codes.hpp"
#include "yaml/document.hpp"
#include "yaml/file_text.hpp"
#include "yaml/reader.hpp"
#include "yaml/suggest.hpp"

namespace sla {
namespace {

using yaml::MapEntry;
using yaml::MapReader;
using yaml::Reader;
using yaml::Value;

const std::vector<std::string_view> kFileKeys = {"rules", "cases"};
const std::vector<std::string_view> kCaseKeys = {"name", "ticket", "events",
                                                 "now",  "expect", "expect_ticket"};
const std::vector<std::string_view> kTicketKeys = {"id",       "policy",   "attributes", "tier",
                                                   "severity", "assignee", "created"};
const std::vector<std::string_view> kEventKeys = {"at", "type", "to"};
const std::vector<std::string_view> kTargetKeys = {
    "cycle", "state",   "started",   "stopped", "due",        "breached_at",
    "goal",  "elapsed", "remaining", "percent", "escalations"};
const std::vector<std::string_view> kLevelKeys = {"fired", "at", "assignee", "severity"};
const std::vector<std::string_view> kObligationKeys = {"period", "state",  "start",
                                                       "due",    "met_at", "breached_at"};
const std::vector<std::string_view> kTicketExpectKeys = {"severity", "tier", "assignee",
                                                         "next_wakeup", "diagnostics"};

std::string show(std::optional<Instant> t, const TimeZone* zone) {
  if (!t) return "null";
  return format_instant(*t, zone != nullptr ? *zone : TimeZone::utc());
}

std::string show(Seconds s) { return DurationSpec::business_time(s).to_string(); }

// Reads one case and compares its evaluation with what it expects.
class CaseRunner {
 public:
  CaseRunner(const Reader& reader, const Engine& engine, PolicyTestCase& result)
      : reader_(reader),
        engine_(engine),
        result_(result),
        errors_before_(reader.diagnostics().error_count()) {}

  void run(const MapReader& map) {
    const MapEntry* ticket_entry = map.require("ticket");
    const MapEntry* now_entry = map.require("now");
    if (ticket_entry == nullptr || now_entry == nullptr) return;  // reported
    std::optional<Ticket> ticket = read_ticket(ticket_entry->value);
    if (!ticket) return;
    if (const MapEntry* events = map.find("events"); !read_events(events, *ticket)) return;
    const auto now = instant(now_entry->value, "'now'");
    if (!now) return;
    const Evaluation e = engine_.evaluate(*ticket, *now);
    const MapEntry* expect_ticket = map.find("expect_ticket");
    check_ticket(e, expect_ticket, map.find("name") ? map.find("name")->value.at : result_.where);
    if (const MapEntry* expect = map.find("expect")) check_targets(e, expect->value);
  }

  /// False when the case reported an error in the file since the runner was made (its keys,
  /// an input or an expectation that cannot be read): a case that did not run as written must
  /// not count as passed.
  bool readable() const { return reader_.diagnostics().error_count() == errors_before_; }

 private:
  // --- the case's inputs --------------------------------------------------------------------

  std::optional<Instant> instant(const Value& value, std::string_view what) {
    const auto text = reader_.text(value, what);
    if (!text) return std::nullopt;
    const Parsed<Instant> parsed = try_parse_instant(*text, *zone_);
    if (!parsed) {
      reader_.error(value.at, code::bad_test_value, parsed.error);
      return std::nullopt;
    }
    return *parsed;
  }

  std::optional<Ticket> read_ticket(const Value& value) {
    if (!reader_.expect_map(value, "'ticket'")) return std::nullopt;
    const MapReader map(reader_, value, "the ticket", kTicketKeys);
    Ticket t;
    auto text_of = [&](std::string_view key, std::string& into) {
      if (const MapEntry* e = map.find(key))
        if (auto v = reader_.text(e->value, fmt::format("'{}'", key))) into = *v;
    };
    text_of("id", t.id);
    text_of("policy", t.policy);
    text_of("assignee", t.assignee);
    // No severity is a contract ticket's (the evaluation says so when the policy has targets).
    for (const char* key : {"tier", "created"}) map.require(key);
    text_of("tier", t.tier);
    text_of("severity", t.severity);
    if (const MapEntry* a = map.find("attributes")) {
      if (reader_.expect_map(a->value, "'attributes'")) {
        const MapReader attributes(reader_, a->value, "'attributes'");
        for (const auto& entry : attributes.entries())
          if (auto v = reader_.text(entry.value, fmt::format("attribute '{}'", entry.key)))
            t.attributes.emplace_back(entry.key, *v);
      }
    }
    zone_ = &ticket_zone(t);
    if (const MapEntry* created = map.find("created"))
      if (auto c = instant(created->value, "'created'")) t.created = *c;
    if (!readable()) return std::nullopt;
    return t;
  }

  // The zone of the ticket's tier calendar (UTC when the policy or tier is unknown: the
  // evaluation then says what is wrong with them).
  const TimeZone& ticket_zone(const Ticket& t) {
    const RuleSet& rules = engine_.rules();
    const Policy* policy =
        t.policy.empty() ? rules.match_policy(t.attributes) : rules.find_policy(t.policy);
    const Tier* tier = policy != nullptr ? policy->find_tier(t.tier) : nullptr;
    if (tier == nullptr) return utc_;
    return rules.calendar(tier->calendar).time_zone();
  }

  bool read_events(const MapEntry* events, Ticket& ticket) {
    if (events == nullptr) return true;
    if (!reader_.expect_list(events->value, "'events'")) return false;
    for (const Value& item : reader_.items(events->value)) {
      if (!reader_.expect_map(item, "an event", "a map like {at: ..., type: responded}")) continue;
      const MapReader map(reader_, item, "an event", kEventKeys);
      TicketEvent e;
      const MapEntry* at = map.require("at");
      const MapEntry* type = map.require("type");
      if (at == nullptr || type == nullptr) continue;
      if (auto t = instant(at->value, "'at'")) e.at = *t;
      if (auto v = reader_.text(type->value, "'type'")) e.type = *v;
      if (const MapEntry* to = map.find("to"))
        if (auto v = reader_.text(to->value, "'to'")) e.to = *v;
      ticket.events.push_back(std::move(e));
    }
    return readable();
  }

  // --- comparisons --------------------------------------------------------------------------

  void fail(const SourcePosition& at, std::string message) {
    result_.failures.push_back({at, std::move(message)});
  }

  // An expected instant or null, compared with `actual`.
  void compare_time(const MapEntry& entry, std::string_view what, std::optional<Instant> actual,
                    const TimeZone* shown_in) {
    std::optional<Instant> expected;
    if (!entry.value.is_null()) {
      expected = instant(entry.value, fmt::format("'{}'", entry.key));
      if (!expected) return;
    }
    if (expected != actual)
      fail(entry.value.at, fmt::format("{}: expected {}, got {}", what, show(expected, shown_in),
                                       show(actual, shown_in)));
  }

  void compare_text(const MapEntry& entry, std::string_view what, std::string_view actual) {
    std::string expected;
    if (!entry.value.is_null()) {
      auto text = reader_.text(entry.value, fmt::format("'{}'", entry.key));
      if (!text) return;
      expected = *text;
    }
    if (expected != actual)
      fail(entry.value.at,
           fmt::format("{}: expected {}, got {}", what, expected.empty() ? "null" : expected,
                       actual.empty() ? std::string_view("null") : actual));
  }

  void compare_duration(const MapEntry& entry, std::string_view what, Seconds actual) {
    const auto text = reader_.text(entry.value, fmt::format("'{}'", entry.key));
    if (!text) return;
    const Parsed<DurationSpec> d = try_parse_duration(*text);
    if (!d || d->kind != DurationSpec::Kind::business) {
      reader_.error(
          entry.value.at, code::bad_test_value,
          fmt::format("'{}' is an amount of running time like 4h, 1h30m or -30m, not '{}'",
                      entry.key, *text));
      return;
    }
    if (d->business != actual)
      fail(entry.value.at,
           fmt::format("{}: expected {}, got {}", what, show(d->business), show(actual)));
  }

  // An expected state word (sla/words.hpp) compared with `actual`.
  template <HasWords State>
  void compare_state(const MapEntry& entry, const std::string& what, State actual) {
    const auto state = reader_.choice<State>(entry.value, "'state'");
    if (!state) return;
    if (*state != actual)
      fail(entry.value.at,
           fmt::format("{}: expected {}, got {}", what, to_string(*state), to_string(actual)));
  }

  // The entries of a target's cycles or an obligation's periods that an expectation names:
  // "3 cycles", "1 period".
  static std::string count_of(std::size_t n, std::string_view noun) {
    return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
  }

  // `cycle: N` / `period: N` (the key is the noun) in a map expectation: the N-th of `all`,
  // relabelled "updates#2"; `last` when the key is absent; nullptr after a failure or a problem.
  // `all` is null in a list, where each item is one already.
  template <class Outcome>
  const Outcome* pick(const MapReader& map, std::string_view noun, std::string_view whose,
                      const Outcome& last, const std::vector<const Outcome*>* all,
                      const std::string& name, std::string& label) {
    label = name;
    const MapEntry* entry = map.find(noun);
    if (entry == nullptr) return &last;
    if (all == nullptr) {
      reader_.error(
          entry->key_at, code::invalid_value,
          fmt::format("'{}' picks a {} of {} given as a map; in a list, each item is a {} "
                      "already",
                      noun, noun, whose, noun));
      return nullptr;
    }
    const auto n = reader_.integer(entry->value, fmt::format("'{}'", noun));
    if (!n) return nullptr;
    if (*n < 1) {
      reader_.error(entry->value.at, code::invalid_value,
                    fmt::format("'{}' counts from 1 (the first {}), not {}", noun, noun, *n));
      return nullptr;
    }
    if (*n > static_cast<long long>(all->size())) {
      fail(entry->value.at,
           fmt::format("{}: expected a {} {}, but {}", name, noun, *n,
                       noun == "cycle" ? "it has " + count_of(all->size(), noun)
                                       : count_of(all->size(), noun) + " reported"));
      return nullptr;
    }
    label = fmt::format("{}#{}", name, *n);
    return (*all)[static_cast<std::size_t>(*n - 1)];
  }

  void check_ticket(const Evaluation& e, const MapEntry* expect, const SourcePosition& at) {
    std::optional<std::vector<std::string>> expected_codes;
    if (expect != nullptr && reader_.expect_map(expect->value, "'expect_ticket'")) {
      const MapReader map(reader_, expect->value, "'expect_ticket'", kTicketExpectKeys);
      for (const MapEntry& entry : map.entries()) {
        if (entry.key == "severity") compare_text(entry, "severity", e.severity);
        if (entry.key == "tier") compare_text(entry, "tier", e.tier);
        if (entry.key == "assignee") compare_text(entry, "assignee", e.assignee);
        if (entry.key == "next_wakeup") compare_time(entry, "next_wakeup", e.next_wakeup, e.zone);
        if (entry.key == "diagnostics") {
          const auto listed = reader_.one_or_list(entry.value, "'diagnostics'", "a code");
          if (!listed) continue;
          expected_codes.emplace();
          for (const Value& v : *listed)
            if (auto code = reader_.text(v, "a diagnostic code")) expected_codes->push_back(*code);
          std::vector<std::string> actual;
          for (const auto& d : e.diagnostics) actual.push_back(d.code);
          if (actual != *expected_codes)
            fail(entry.value.at,
                 fmt::format("diagnostics: expected [{}], got [{}]",
                             fmt::join(*expected_codes, ", "), fmt::join(actual, ", ")));
        }
      }
    }
    // Diagnostics nobody expected fail the case: a test must not pass on an ignored event.
    if (!expected_codes)
      for (const auto& d : e.diagnostics)
        fail(at, fmt::format(
                     "the evaluation reports {}: {} [{}]",
                     d.severity == EvaluationDiagnostic::Severity::error ? "an error" : "a warning",
                     d.message, d.code));
  }

  void check_targets(const Evaluation& e, const Value& expect) {
    if (!reader_.expect_map(expect, "'expect'",
                            "a map from target and obligation ids to expectations"))
      return;
    const MapReader map(reader_, expect, "'expect'");
    const Policy* policy = engine_.rules().find_policy(e.policy);
    for (const MapEntry& entry : map.entries()) {
      if (policy != nullptr && policy->find_obligation(entry.key) != nullptr) {
        check_obligation(e, entry);
        continue;
      }
      std::vector<const TargetOutcome*> cycles;
      for (const TargetOutcome& t : e.targets)
        if (t.id == entry.key) cycles.push_back(&t);
      if (cycles.empty()) {
        if (!e.ok()) continue;  // the evaluation failed: already a failure of the case
        std::vector<std::string_view> ids;
        for (const TargetOutcome& t : e.targets)
          if (std::find(ids.begin(), ids.end(), t.id) == ids.end()) ids.push_back(t.id);
        if (policy != nullptr)
          for (const Obligation& o : policy->obligations) ids.push_back(o.id);
        const bool obligations = policy != nullptr && !policy->obligations.empty();
        std::string message = fmt::format("policy '{}' has no target{} '{}'", e.policy,
                                          obligations ? " or obligation" : "", entry.key);
        if (auto guess = closest_match(entry.key, ids))
          message += fmt::format(" (did you mean '{}'?)", *guess);
        fail(entry.key_at, message);
        continue;
      }
      if (entry.value.is_list()) {
        const auto items = reader_.items(entry.value);
        for (std::size_t k = 0; k < items.size(); ++k) {
          if (k >= cycles.size()) {
            fail(items[k].at, fmt::format("{}: expected a cycle {}, but it has {}", entry.key,
                                          k + 1, count_of(cycles.size(), "cycle")));
            break;
          }
          check_cycle(e, items[k], *cycles[k], fmt::format("{}#{}", entry.key, k + 1), false);
        }
      } else {
        check_cycle(e, entry.value, *cycles.back(), std::string(entry.key), true, &cycles);
      }
    }
  }

  void check_cycle(const Evaluation& e, const Value& value, const TargetOutcome& last,
                   const std::string& name, bool may_pick,
                   const std::vector<const TargetOutcome*>* cycles = nullptr) {
    if (!reader_.expect_map(value, fmt::format("the expectation of '{}'", name))) return;
    const MapReader map(reader_, value, fmt::format("the expectation of '{}'", name), kTargetKeys);
    std::string label;
    const TargetOutcome* t =
        pick(map, "cycle", "a target", last, may_pick ? cycles : nullptr, name, label);
    if (t == nullptr) return;
    for (const MapEntry& entry : map.entries()) {
      const std::string what = fmt::format("{}.{}", label, entry.key);
      if (entry.key == "state") {
        compare_state(entry, what, t->state);
      } else if (entry.key == "started") {
        compare_time(entry, what, t->started, t->zone);
      } else if (entry.key == "stopped") {
        compare_time(entry, what, t->stopped, t->zone);
      } else if (entry.key == "due") {
        compare_time(entry, what, t->due, t->zone);
      } else if (entry.key == "breached_at") {
        compare_time(entry, what, t->breached_at, t->zone);
      } else if (entry.key == "goal") {
        compare_duration(entry, what, t->goal);
      } else if (entry.key == "elapsed") {
        compare_duration(entry, what, t->elapsed);
      } else if (entry.key == "remaining") {
        compare_duration(entry, what, t->remaining);
      } else if (entry.key == "percent") {
        check_percent(entry, what, t->percent);
      } else if (entry.key == "escalations") {
        check_levels(e, entry.value, *t, label);
      }
    }
  }

  // An obligation's reported periods: a list checks periods 1, 2, ... in order; a map the last
  // one reported, or `period: N`.
  void check_obligation(const Evaluation& e, const MapEntry& entry) {
    std::vector<const ObligationOutcome*> periods;
    for (const ObligationOutcome& o : e.obligations)
      if (o.id == entry.key) periods.push_back(&o);
    if (entry.value.is_list()) {
      const auto items = reader_.items(entry.value);
      for (std::size_t k = 0; k < items.size(); ++k) {
        if (k >= periods.size()) {
          if (e.ok())
            fail(items[k].at, fmt::format("{}: expected a period {}, but {} reported", entry.key,
                                          k + 1, count_of(periods.size(), "period")));
          break;
        }
        check_period(items[k], *periods[k], fmt::format("{}#{}", entry.key, k + 1), nullptr);
      }
      return;
    }
    if (periods.empty()) {
      if (e.ok())
        fail(entry.key_at,
             fmt::format("{}: expected a period, but none is reported at now", entry.key));
      return;
    }
    check_period(entry.value, *periods.back(), entry.key, &periods);
  }

  void check_period(const Value& value, const ObligationOutcome& last, const std::string& name,
                    const std::vector<const ObligationOutcome*>* periods) {
    const std::string what = fmt::format("the expectation of '{}'", name);
    if (!reader_.expect_map(value, what)) return;
    const MapReader map(reader_, value, what, kObligationKeys);
    std::string label;
    const ObligationOutcome* o = pick(map, "period", "an obligation", last, periods, name, label);
    if (o == nullptr) return;
    for (const MapEntry& entry : map.entries()) {
      const std::string field = fmt::format("{}.{}", label, entry.key);
      if (entry.key == "state") {
        compare_state(entry, field, o->state);
      } else if (entry.key == "start") {
        compare_time(entry, field, o->start, o->zone);
      } else if (entry.key == "due") {
        compare_time(entry, field, o->due, o->zone);
      } else if (entry.key == "met_at") {
        compare_time(entry, field, o->met_at, o->zone);
      } else if (entry.key == "breached_at") {
        compare_time(entry, field, o->breached_at, o->zone);
      }
    }
  }

  void check_percent(const MapEntry& entry, const std::string& what, std::optional<double> actual) {
    const auto text = reader_.text(entry.value, "'percent'");
    if (!text) return;
    double expected = 0;
    try {
      std::size_t used = 0;
      expected = std::stod(*text, &used);
      if (used != text->size()) throw std::invalid_argument("trailing text");
    } catch (const std::exception&) {
      reader_.error(entry.value.at, code::bad_test_value,
                    fmt::format("'percent' is a number like 37.5, not '{}'", *text));
      return;
    }
    if (!actual || std::abs(*actual - expected) > 0.05)
      fail(entry.value.at, fmt::format("{}: expected {}, got {}", what, expected,
                                       actual ? fmt::format("{}", *actual) : "null"));
  }

  void check_levels(const Evaluation& e, const Value& value, const TargetOutcome& t,
                    const std::string& label) {
    if (!reader_.expect_map(value, "'escalations'", "a map from level numbers to expectations"))
      return;
    const auto levels = e.escalations_of(t);
    const MapReader map(reader_, value, "'escalations'");
    for (const MapEntry& entry : map.entries()) {
      const Value key{YAML::Node(entry.key), entry.key_at};
      const auto n = reader_.integer(key, "a level number");
      if (!n) continue;
      if (*n < 1 || *n > static_cast<long long>(levels.size())) {
        fail(entry.key_at, fmt::format("{}: there is no escalation level {} (it has {})", label, *n,
                                       levels.size()));
        continue;
      }
      const EscalationOutcome& level = levels[static_cast<std::size_t>(*n - 1)];
      if (!reader_.expect_map(entry.value, fmt::format("level {}", *n))) continue;
      const MapReader expected(reader_, entry.value, fmt::format("level {}", *n), kLevelKeys);
      for (const MapEntry& field : expected.entries()) {
        const std::string what = fmt::format("{}.escalations.{}.{}", label, *n, field.key);
        if (field.key == "fired") {
          const auto word = reader_.word(field.value, "'fired'", {"true", "false"});
          if (!word) continue;
          if ((*word == "true") != level.fired)
            fail(field.value.at, fmt::format("{}: expected {}, got {}", what, *word,
                                             level.fired ? "true" : "false"));
        } else if (field.key == "at") {
          compare_time(field, what, level.at, t.zone);
        } else if (field.key == "assignee") {
          compare_text(field, what, level.fired ? level.assignee : std::string_view{});
        } else if (field.key == "severity") {
          compare_text(field, what, level.fired ? level.severity : std::string_view{});
        }
      }
    }
  }

  const Reader& reader_;
  const Engine& engine_;
  PolicyTestCase& result_;
  const TimeZone* zone_ = &utc_;
  TimeZone utc_ = TimeZone::utc();
  std::size_t errors_before_;  ///< the file's errors before this case was read
};

class FileRunner {
 public:
  explicit FileRunner(const std::string& file) : reader_(file, sink_) {
    report_.file = file;
    files_.push_back(file);
  }

  PolicyTestReport run(std::string_view text) {
    if (const auto root = yaml::parse_document(text, reader_)) read(reader_.root(*root));
    report_.diagnostics = sink_.finish(files_);
    return std::move(report_);
  }

  void unreadable(const std::string& why) {
    sink_.error({report_.file, 0, 0}, code::unreadable_file,
                fmt::format("cannot read '{}': {}", report_.file, why));
  }

  PolicyTestReport finish() {
    report_.diagnostics = sink_.finish(files_);
    return std::move(report_);
  }

 private:
  void read(Value document) {
    if (document.at.line <= 0) document.at = {reader_.file(), 1, 1};
    if (!reader_.expect_map(document, "a policy test file",
                            "a map with 'rules' and 'cases' (see rules/README.md)"))
      return;
    const MapReader top(reader_, document, "the policy test file", kFileKeys);
    const MapEntry* rules = top.require("rules");
    const MapEntry* cases = top.require("cases");
    if (rules == nullptr || cases == nullptr) return;
    std::optional<Engine> engine = load(*rules);
    if (!engine) return;
    if (!reader_.expect_list(cases->value, "'cases'")) return;
    const auto items = reader_.items(cases->value);
    if (items.empty())
      reader_.error(cases->value.at, code::no_test_cases, "the file has no cases to run");
    for (const Value& item : items) run_case(*engine, item);
  }

  // The rules under test: loaded as one rule set, relative to the test file.
  std::optional<Engine> load(const MapEntry& rules) {
    const auto listed = reader_.one_or_list(rules.value, "'rules'", "a rules file");
    if (!listed) return std::nullopt;
    std::vector<std::string> paths;
    for (const Value& v : *listed)
      if (auto path = reader_.text(v, "a rules file"))
        paths.push_back(yaml::relative_to(reader_.file(), *path));
    if (paths.empty()) {
      reader_.error(rules.value.at, code::rules_not_loaded, "'rules' names no rules file");
      return std::nullopt;
    }
    LoadResult loaded = load_rules(paths);
    for (auto& d : loaded.diagnostics) {
      if (std::find(files_.begin(), files_.end(), d.where.file) == files_.end())
        files_.push_back(d.where.file);
      sink_.add(std::move(d));
    }
    if (!loaded.ok()) {
      reader_.error(rules.value.at, code::rules_not_loaded,
                    "the rules under test do not load (their errors are listed)");
      return std::nullopt;
    }
    return Engine(std::move(*loaded.rules));
  }

  void run_case(const Engine& engine, const Value& item) {
    PolicyTestCase result;
    result.where = item.at;
    CaseRunner runner(reader_, engine, result);  // from here, an error makes it unreadable
    if (!reader_.expect_map(item, "a case", "a map with name, ticket, now and expect")) return;
    const MapReader map(reader_, item, "a case", kCaseKeys);
    if (const MapEntry* name = map.require("name"))
      if (auto text = reader_.text(name->value, "'name'")) result.name = *text;
    runner.run(map);
    std::stable_sort(result.failures.begin(), result.failures.end(),
                     [](const PolicyTestFailure& a, const PolicyTestFailure& b) {
                       return std::pair(a.where.line, a.where.column) <
                              std::pair(b.where.line, b.where.column);
                     });
    // A case whose inputs could not be read is reported as a diagnostic, not run.
    if (runner.readable()) report_.cases.push_back(std::move(result));
  }

  yaml::DiagnosticSink sink_;
  Reader reader_;
  PolicyTestReport report_;
  std::vector<std::string> files_;  ///< the test file, then the rules files in reading order
};

}  // namespace

PolicyTestReport run_policy_tests(const std::string& path) {
  FileRunner runner(path);
  const yaml::FileText text = yaml::read_file_text(path);
  if (!text) {
    runner.unreadable(text.error);
    return runner.finish();
  }
  return runner.run(*text);
}

PolicyTestReport run_policy_tests_from_string(std::string_view text, std::string_view name) {
  return FileRunner(std::string(name)).run(text);
}

}  // namespace sla
