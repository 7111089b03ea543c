// Calendars that know where their data ends (sla/calendar.hpp, "Coverage";
// sla/beyond_coverage.hpp): every operation at the edges of `covers` — the last covered day, the
// first uncovered one, a deadline that crosses the end — in error mode and in warn mode.
//
// "office": Asia/Shanghai (+08:00, no DST), Mon–Fri 09:00–12:00 and 13:00–18:00, New Year's Day
// 2026-01-01 a holiday, covers 2026-01-01..2026-12-31. 2025-12-31 is a Wednesday, 2026-01-02 a
// Friday, 2026-12-31 a Thursday, 2027-01-01 a Friday and 2027-01-04 a Monday.
// "always": the same zone and range, open 00:00–24:00 every day.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <string>
#include <thread>
#include <vector>

#include "sla/beyond_coverage.hpp"
#include "sla/calendar.hpp"
#include "sla/duration_spec.hpp"
#include "sla/engine.hpp"
#include "sla/error.hpp"
#include "sla/iso8601.hpp"
#include "sla/rule_set.hpp"

namespace {

using namespace std::chrono;
using sla::Instant;

sla::Date ymd(int y, unsigned m, unsigned d) { return sla::Date{year{y}, month{m}, day{d}}; }

sla::CalendarDefinition office_definition(const std::string& id, sla::BeyondCoverage beyond) {
  sla::CalendarDefinition def;
  def.id = id;
  def.time_zone = "Asia/Shanghai";
  for (const weekday d : {Monday, Tuesday, Wednesday, Thursday, Friday})
    def.weekly[d] = {sla::LocalWindow::from_clock(hours{9}, hours{12}),
                     sla::LocalWindow::from_clock(hours{13}, hours{18})};
  sla::HolidayRule new_year;
  new_year.first = new_year.last = ymd(2026, 1, 1);
  def.holidays.push_back(new_year);
  def.covers = sla::DateRange{ymd(2026, 1, 1), ymd(2026, 12, 31)};
  def.beyond = beyond;
  return def;
}

const sla::Calendar& office() {
  static const sla::Calendar c =
      sla::Calendar::compile(office_definition("office", sla::BeyondCoverage::error));
  return c;
}

const sla::Calendar& always() {
  static const sla::Calendar c = [] {
    sla::CalendarDefinition def;
    def.id = "always";
    def.time_zone = "Asia/Shanghai";
    for (auto& day : def.weekly) day = {sla::LocalWindow{hours{0}, hours{24}}};
    def.covers = sla::DateRange{ymd(2026, 1, 1), ymd(2026, 12, 31)};
    return sla::Calendar::compile(def);
  }();
  return c;
}

Instant at(const char* local) { return sla::parse_instant(local, sla::TimeZone::locate("+08:00")); }

std::string shown(Instant t) { return sla::format_instant(t, sla::TimeZone::locate("+08:00")); }

// The error of an operation that needed `date` of office (or of `calendar`).
std::string outside(const char* date, const char* calendar = "office") {
  return std::string("calendar '") + calendar +
         "' knows its holidays for 2026-01-01..2026-12-31 only; " + date + " is outside (add the " +
         std::string(date).substr(0, 4) + " holidays and extend 'covers')";
}

}  // namespace

TEST_CASE("a calendar without covers computes in any supported year", "[calendar][coverage]") {
  sla::CalendarDefinition def = office_definition("open-ended", sla::BeyondCoverage::error);
  def.covers.reset();
  const sla::Calendar c = sla::Calendar::compile(def);
  CHECK(shown(c.add(at("2026-12-31T16:00"), hours{3})) == "2027-01-01T10:00:00+08:00");
  CHECK(c.is_business_day(ymd(2030, 1, 2)));
}

TEST_CASE("is_open needs the date of its instant", "[calendar][coverage]") {
  CHECK_FALSE(office().is_open(at("2026-12-31T23:59:59")));
  CHECK_FALSE(office().is_open(at("2026-01-01T10:00")));  // the holiday, covered
  CHECK_THROWS_WITH(office().is_open(at("2027-01-01T00:00")), outside("2027-01-01"));
  CHECK_THROWS_WITH(office().is_open(at("2025-12-31T23:59:59")), outside("2025-12-31"));
}

TEST_CASE("instants outside the supported years are refused as such, covers or not",
          "[calendar][coverage]") {
  using Catch::Matchers::ContainsSubstring;
  CHECK_THROWS_WITH(office().is_open(Instant::max()),
                    ContainsSubstring("is outside the supported years 1900-2399"));
  CHECK_THROWS_WITH(office().between(at("2026-06-01T10:00"), Instant::max()),
                    ContainsSubstring("is outside the supported years 1900-2399"));
}

TEST_CASE("roll_forward needs every date up to the opening it finds", "[calendar][coverage]") {
  CHECK(shown(office().roll_forward(at("2026-12-31T17:00"))) == "2026-12-31T17:00:00+08:00");
  CHECK(shown(office().roll_forward(at("2026-01-01T10:00"))) == "2026-01-02T09:00:00+08:00");
  // After the last close of the last covered day the next opening lies in 2027.
  CHECK_THROWS_WITH(office().roll_forward(at("2026-12-31T18:00")), outside("2027-01-01"));
}

TEST_CASE("roll_backward needs the open second before the close it finds", "[calendar][coverage]") {
  // The first uncovered instant as input: the previous close needs only 2026-12-31.
  CHECK(shown(office().roll_backward(at("2027-01-01T00:00"))) == "2026-12-31T18:00:00+08:00");
  CHECK_THROWS_WITH(office().roll_backward(at("2027-01-01T00:00:01")), outside("2027-01-01"));
  CHECK(shown(office().roll_backward(at("2026-01-02T09:00:01"))) == "2026-01-02T09:00:01+08:00");
  // At the first opening of the range the previous close is 2025-12-31 18:00.
  CHECK_THROWS_WITH(office().roll_backward(at("2026-01-02T09:00")), outside("2025-12-31"));
}

TEST_CASE("add: a deadline on the last covered day is computed, one crossing the end is refused",
          "[calendar][coverage]") {
  const Instant start = at("2026-12-31T16:00");
  CHECK(shown(office().add(start, hours{2})) == "2026-12-31T18:00:00+08:00");
  CHECK_THROWS_WITH(office().add(start, hours{2} + seconds{1}), outside("2027-01-01"));
  // With next_open the close moves to the next opening, which is 2027's.
  CHECK_THROWS_WITH(office().add(start, hours{2}, sla::Landing::next_open), outside("2027-01-01"));
  // The error names the date farthest out: 2 h on 12-31, 8 h on 01-01, 1 h on Monday 01-04.
  CHECK_THROWS_WITH(office().add(start, hours{11}), outside("2027-01-04"));
  // A deadline on the 24:00 close of the last covered day belongs to that day.
  CHECK(shown(always().add(at("2026-12-31T20:00"), hours{4})) == "2027-01-01T00:00:00+08:00");
  CHECK_THROWS_WITH(always().add(at("2026-12-31T20:00"), hours{4} + seconds{1}),
                    outside("2027-01-01", "always"));
}

TEST_CASE("add backwards needs the business time it walks over", "[calendar][coverage]") {
  CHECK(shown(office().add(at("2026-01-02T10:00"), -hours{1})) == "2026-01-02T09:00:00+08:00");
  CHECK_THROWS_WITH(office().add(at("2026-01-02T10:00"), -hours{2}), outside("2025-12-31"));
  // From the first uncovered instant, back into the last covered day.
  CHECK(shown(office().add(at("2027-01-01T00:00"), -hours{1})) == "2026-12-31T17:00:00+08:00");
  CHECK_THROWS_WITH(office().add(at("2027-01-01T00:00:01"), -hours{1}), outside("2027-01-01"));
}

TEST_CASE("between needs [a, b), in either order", "[calendar][coverage]") {
  CHECK(office().between(at("2026-12-31T09:00"), at("2027-01-01T00:00")) == hours{8});
  CHECK(office().between(at("2027-01-01T00:00"), at("2026-12-31T09:00")) == -hours{8});
  CHECK_THROWS_WITH(office().between(at("2026-12-31T09:00"), at("2027-01-01T00:00:01")),
                    outside("2027-01-01"));
  CHECK_THROWS_WITH(office().between(at("2027-01-01T00:00"), at("2027-01-01T00:00")),
                    outside("2027-01-01"));
  CHECK_THROWS_WITH(office().between(at("2025-12-31T23:59:59"), at("2026-01-02T10:00")),
                    outside("2025-12-31"));
}

TEST_CASE("windows needs [from, to)", "[calendar][coverage]") {
  CHECK(office().windows(at("2026-12-31T00:00"), at("2027-01-01T00:00")).size() == 2);
  CHECK_THROWS_WITH(office().windows(at("2026-12-31T00:00"), at("2027-01-01T00:00:01")),
                    outside("2027-01-01"));
}

TEST_CASE("business-day durations need the dates they advance over", "[calendar][coverage]") {
  using sla::DurationSpec;
  const Instant wed = at("2026-12-30T10:00");
  CHECK(shown(office().add(wed, DurationSpec::business_days(1))) == "2026-12-31T10:00:00+08:00");
  CHECK_THROWS_WITH(office().add(wed, DurationSpec::business_days(2)), outside("2027-01-01"));
  CHECK(shown(office().add(at("2026-12-31T10:00"), DurationSpec::end_of_business_day())) ==
        "2026-12-31T18:00:00+08:00");
  CHECK_THROWS_WITH(office().add(at("2026-12-31T10:00"), DurationSpec::end_of_business_day(1)),
                    outside("2027-01-01"));
  CHECK(shown(office().add(wed, DurationSpec::business_day_at(1, hours{10}))) ==
        "2026-12-31T10:00:00+08:00");
  CHECK_THROWS_WITH(office().add(wed, DurationSpec::business_day_at(2, hours{10})),
                    outside("2027-01-01"));
  CHECK_THROWS_WITH(office().add(at("2026-01-02T10:00"), DurationSpec::business_days(-1)),
                    outside("2025-12-31"));
  // Calendar days are wall time: they need no date's hours.
  CHECK(shown(office().add(at("2026-12-31T10:00"), DurationSpec::calendar_days(3))) ==
        "2027-01-03T10:00:00+08:00");
}

TEST_CASE("advance, is_business_day and schedule need the dates they touch",
          "[calendar][coverage]") {
  CHECK(office().advance(ymd(2026, 12, 30), 1) == ymd(2026, 12, 31));
  CHECK_THROWS_WITH(office().advance(ymd(2026, 12, 31), 1), outside("2027-01-01"));
  CHECK_THROWS_WITH(office().advance(ymd(2026, 1, 2), -1), outside("2025-12-31"));
  CHECK(office().advance(ymd(2026, 12, 26), 0) == ymd(2026, 12, 28));  // Saturday → Monday
  CHECK(office().is_business_day(ymd(2026, 12, 31)));
  CHECK_THROWS_WITH(office().is_business_day(ymd(2027, 1, 1)), outside("2027-01-01"));
  CHECK(office().schedule(ymd(2026, 1, 1)).kind == sla::DayKind::holiday);
  CHECK_THROWS_WITH(office().schedule(ymd(2025, 12, 31)), outside("2025-12-31"));
}

TEST_CASE("beyond: warn computes from the weekly hours and logs the first date per calendar",
          "[calendar][coverage]") {
  const sla::Calendar warn =
      sla::Calendar::compile(office_definition("office-warn", sla::BeyondCoverage::warn));
  sla::BeyondCoverageLog log;
  // 2027-01-01 is open by the weekly template: nothing says it is New Year's Day.
  CHECK(shown(warn.add(at("2026-12-31T16:00"), hours{3})) == "2027-01-01T10:00:00+08:00");
  CHECK(shown(warn.add(at("2026-12-31T16:00"), hours{11})) == "2027-01-04T10:00:00+08:00");
  CHECK(shown(warn.add(at("2026-12-31T16:00"), hours{1})) == "2026-12-31T17:00:00+08:00");
  REQUIRE(log.uses().size() == 1);
  const sla::BeyondCoverageUse& use = log.uses()[0];
  CHECK(use.calendar == "office-warn");
  CHECK(use.date == ymd(2027, 1, 1));
  CHECK(use.covers == sla::DateRange{ymd(2026, 1, 1), ymd(2026, 12, 31)});
  CHECK(use.message() == outside("2027-01-01", "office-warn"));
  CHECK(use.warning() == outside("2027-01-01", "office-warn") +
                             "; computed from the weekly hours and the yearly rules alone");
  CHECK(log.dropped() == 0);
}

TEST_CASE("coverage logs nest, stay on their thread and keep one use per calendar",
          "[calendar][coverage]") {
  const sla::Calendar warn =
      sla::Calendar::compile(office_definition("office-warn", sla::BeyondCoverage::warn));
  const Instant late = at("2026-12-31T16:00");
  // Without a log the computation goes through and nothing is kept.
  CHECK_NOTHROW(warn.add(late, hours{3}));

  sla::BeyondCoverageLog outer;
  {
    sla::BeyondCoverageLog inner;
    warn.add(late, hours{3});
    CHECK(inner.uses().size() == 1);
  }
  CHECK(outer.uses().empty());  // the inner log took it
  std::thread([&] { warn.add(late, hours{3}); }).join();
  CHECK(outer.uses().empty());  // another thread's computation
  warn.add(late, hours{3});
  CHECK(outer.uses().size() == 1);

  std::vector<sla::Calendar> many;
  for (int k = 0; k < 9; ++k)
    many.push_back(sla::Calendar::compile(
        office_definition("warn-" + std::to_string(k), sla::BeyondCoverage::warn)));
  sla::BeyondCoverageLog log;
  for (const sla::Calendar& c : many) c.add(late, hours{3});
  REQUIRE(log.uses().size() == sla::BeyondCoverageLog::kCapacity);
  CHECK(log.uses()[7].calendar == "warn-7");
  CHECK(log.dropped() == 1);
}

TEST_CASE("a use keeps its calendar alive: the log may be read after the calendar is gone",
          "[calendar][coverage]") {
  // A long id lives on the heap: reading it after its calendar was freed is what AddressSanitizer
  // reports (the CLI reads its log after the command's rules are destroyed).
  const std::string id = "a-calendar-whose-id-is-longer-than-any-small-string-buffer";
  sla::BeyondCoverageLog log;
  {
    const sla::Calendar gone =
        sla::Calendar::compile(office_definition(id, sla::BeyondCoverage::warn));
    gone.add(at("2026-12-31T16:00"), hours{3});
  }
  REQUIRE(log.uses().size() == 1);
  CHECK(log.uses()[0].calendar == id);
  CHECK(log.uses()[0].message() == outside("2027-01-01", id.c_str()));
}

TEST_CASE("compile refuses covers that end before they start", "[calendar][coverage]") {
  sla::CalendarDefinition def = office_definition("backwards", sla::BeyondCoverage::error);
  def.covers = sla::DateRange{ymd(2026, 12, 31), ymd(2026, 1, 1)};
  CHECK_THROWS_WITH(sla::Calendar::compile(def),
                    "calendar 'backwards': 'covers' ends (2026-01-01) before it starts "
                    "(2026-12-31)");
}

// --- rules files and the engine ----------------------------------------------------------------

namespace {

constexpr const char* kCoveredRules = R"(
version: 1
calendars:
  office:
    time_zone: Asia/Shanghai
    hours: {mon-fri: ["09:00-12:00", "13:00-18:00"]}
    holidays: [2026-01-01]
    covers: {from: 2026-01-01, to: 2026-12-31}
  office-warn: {extends: office, beyond: warn}
  office-q4: {extends: office-warn, covers: {from: 2026-10-01, to: 2026-12-31}}
  plain: {time_zone: UTC, hours: {daily: ["00:00-24:00"]}}
severities: [{id: sev1}]
policies:
  - id: support
    tiers: {C: {calendar: office}, W: {calendar: office-warn}}
    targets:
      fix: {start: created, stop: resolved, goal: 4h}
)";

const sla::RuleSet& covered_rules() {
  static const sla::RuleSet rules = [] {
    sla::LoadResult loaded = sla::load_rules_from_string(kCoveredRules, "covered.yaml");
    for (const auto& d : loaded.diagnostics) FAIL(d.to_string());
    return *loaded.rules;
  }();
  return rules;
}

sla::Ticket late_ticket(const char* tier) {
  sla::Ticket t;
  t.policy = "support";
  t.tier = tier;
  t.severity = "sev1";
  t.created = at("2026-12-31T16:00");
  return t;
}

}  // namespace

TEST_CASE("covers and beyond are read from the rules, and extends inherits or replaces them",
          "[calendar][coverage][rules]") {
  const sla::DateRange year{ymd(2026, 1, 1), ymd(2026, 12, 31)};
  const auto& office = covered_rules().calendar("office").definition();
  CHECK(office.covers == year);
  CHECK(office.beyond == sla::BeyondCoverage::error);
  const auto& warn = covered_rules().calendar("office-warn").definition();
  CHECK(warn.covers == year);
  CHECK(warn.beyond == sla::BeyondCoverage::warn);
  const auto& q4 = covered_rules().calendar("office-q4").definition();
  CHECK(q4.covers == sla::DateRange{ymd(2026, 10, 1), ymd(2026, 12, 31)});
  CHECK(q4.beyond == sla::BeyondCoverage::warn);
  CHECK_FALSE(covered_rules().calendar("plain").definition().covers.has_value());
}

TEST_CASE("an evaluation whose deadline needs an uncovered date fails naming calendar and range",
          "[calendar][coverage][engine]") {
  const sla::Engine engine(covered_rules());
  // Created Thursday 2026-12-31 16:00 with 4 h: 2 h that day, 2 h on 2027-01-01.
  const sla::Evaluation e = engine.evaluate(late_ticket("C"), at("2026-12-31T17:00"));
  CHECK_FALSE(e.ok());
  REQUIRE(e.diagnostics.size() == 1);
  CHECK(e.diagnostics[0].code == "calendar_error");
  CHECK(e.diagnostics[0].message == "a deadline cannot be computed: " + outside("2027-01-01"));
  CHECK(e.targets.empty());
  CHECK_FALSE(e.next_wakeup.has_value());  // nothing reported, nothing to wake up for
}

TEST_CASE("with beyond: warn the engine computes and reports beyond_calendar_data",
          "[calendar][coverage][engine]") {
  const sla::Engine engine(covered_rules());
  const sla::Evaluation e = engine.evaluate(late_ticket("W"), at("2026-12-31T17:00"));
  CHECK(e.ok());
  REQUIRE(e.targets.size() == 1);
  CHECK(shown(*e.targets[0].due) == "2027-01-01T11:00:00+08:00");  // 2027-01-01 by the template
  REQUIRE(e.diagnostics.size() == 1);
  CHECK(e.diagnostics[0].code == "beyond_calendar_data");
  CHECK(e.diagnostics[0].severity == sla::EvaluationDiagnostic::Severity::warning);
  CHECK(e.diagnostics[0].event == -1);
  CHECK(e.diagnostics[0].message ==
        outside("2027-01-01", "office-warn") +
            "; computed from the weekly hours and the yearly rules alone");
  // The schedule reports it the same way; a ticket that stays inside the range does not.
  const sla::Schedule s = engine.due("support", "W", "sev1", at("2026-12-31T16:00"));
  REQUIRE(s.diagnostics.size() == 1);
  CHECK(s.diagnostics[0].code == "beyond_calendar_data");
  sla::Ticket early = late_ticket("W");
  early.created = at("2026-12-30T16:00");
  CHECK(engine.evaluate(early, at("2026-12-30T17:00")).diagnostics.empty());
}

TEST_CASE("beyond on a calendar without covers is a warning: it would do nothing",
          "[calendar][coverage][rules]") {
  // Inherited covers (office-warn above) are covers: no warning there; here neither the
  // calendar nor its parent has any.
  const auto loaded = sla::load_rules_from_string(R"(version: 1
calendars:
  plain: {time_zone: UTC, hours: {daily: ["09:00-17:00"]}}
  lenient: {extends: plain, beyond: warn}
)",
                                                  "beyond.yaml");
  CHECK(loaded.ok());
  REQUIRE(loaded.diagnostics.size() == 1);
  CHECK(loaded.diagnostics[0].to_string() ==
        "beyond.yaml:4:29: warning: 'beyond' of calendar 'lenient' does nothing: the calendar has "
        "no 'covers' (its own or inherited), so no date is beyond it [SLA117]\n");
}
