// The real agreements in rules/ (rules/AGREEMENTS.md): every rules file loads without errors
// and without warnings other than those it acknowledges with `ignore_warnings` (which the
// loader does not report), each acknowledgement silences a warning that is really there, and
// each agreement's loaded model says what the agreement's text says. The deadlines themselves
// are proven case by case in tests/policy/*.test.yaml.
#include <unistd.h>
#include <catch2/catch_test_macros.hpp>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "sla/calendar.hpp"
#include "sla/engine.hpp"
#include "sla/iso8601.hpp"
#include "sla/rule_set.hpp"
#include "sla/time.hpp"

namespace {

namespace fs = std::filesystem;

const fs::path kRules = fs::path(SLA_SOURCE_DIR) / "rules";

std::string all_diagnostics(const sla::LoadResult& r) {
  std::string out;
  for (const auto& d : r.diagnostics) out += d.to_string();
  return out;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every code listed under an `ignore_warnings` key anywhere in the file.
void collect_acknowledged(const YAML::Node& node, std::set<std::string>& codes) {
  if (node.IsMap()) {
    for (const auto& kv : node) {
      if (kv.first.as<std::string>() == "ignore_warnings" && kv.second.IsSequence())
        for (const auto& code : kv.second) codes.insert(code.as<std::string>());
      collect_acknowledged(kv.second, codes);
    }
  } else if (node.IsSequence()) {
    for (const auto& item : node) collect_acknowledged(item, codes);
  }
}

std::set<std::string> acknowledged_codes(const fs::path& path) {
  std::set<std::string> codes;
  collect_acknowledged(YAML::LoadFile(path.string()), codes);
  return codes;
}

// Every *.yaml under rules/ (calendars included), sorted: new files are covered as they come.
std::vector<fs::path> rules_files() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(kRules))
    if (entry.is_regular_file() && entry.path().extension() == ".yaml")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

// Loads one agreement as its own rule set (the way `sla validate FILE` does); it must be clean.
sla::RuleSet load_agreement(const std::string& file) {
  const fs::path path = kRules / file;
  auto result = sla::load_rules({path.string()});
  INFO(all_diagnostics(result));
  REQUIRE(result.ok());
  // Acknowledged warnings (`ignore_warnings`) are not reported at all, so a clean file has no
  // diagnostic whatsoever.
  REQUIRE(result.diagnostics.empty());
  return *result.rules;
}

const sla::Policy& policy(const sla::RuleSet& rules, std::string_view id) {
  const sla::Policy* p = rules.find_policy(id);
  REQUIRE(p != nullptr);
  return *p;
}

const sla::TargetRule& target(const sla::Policy& policy, std::string_view id) {
  const sla::TargetRule* t = policy.find_target(id);
  INFO("target " << id);
  REQUIRE(t != nullptr);
  return *t;
}

// A goal cell as its canonical text: "4h", "5cd", "10m 30m 1h"; "none" when the cell is absent.
std::string cell(const sla::TargetRule& target, std::string_view tier, std::string_view severity) {
  const auto* durations = target.goal.find(tier, severity);
  if (durations == nullptr) return "none";
  std::string out;
  for (const auto& d : *durations) {
    if (!out.empty()) out += ' ';
    out += d.to_string();
  }
  return out;
}

std::string condition(const sla::Condition& c) {
  switch (c.kind) {
    case sla::Condition::Kind::event:
      return c.name;
    case sla::Condition::Kind::met:
      return "met(" + c.name + ")";
    case sla::Condition::Kind::breached:
      return "breached(" + c.name + ")";
  }
  return "?";
}

std::vector<std::string> conditions(const std::vector<sla::Condition>& cs) {
  std::vector<std::string> out;
  for (const auto& c : cs) out.push_back(condition(c));
  return out;
}

std::string clock(const sla::Clock& c) {
  switch (c.kind) {
    case sla::Clock::Kind::business:
      return "business";
    case sla::Clock::Kind::wall:
      return "wall";
    case sla::Clock::Kind::calendar:
      return c.calendar;
  }
  return "?";
}

// An escalation level as text: "after 30m: escalate 1", "at_breach on cn-7x8: action x".
std::string level(const sla::EscalationLevel& l) {
  std::string out;
  switch (l.trigger.kind) {
    case sla::EscalationTrigger::Kind::at_percent:
      out = "at " + std::to_string(static_cast<int>(l.trigger.percent)) + "%";
      break;
    case sla::EscalationTrigger::Kind::after:
      out = "after " + l.trigger.duration.to_string();
      break;
    case sla::EscalationTrigger::Kind::before_breach:
      out = "before_breach " + l.trigger.duration.to_string();
      break;
    case sla::EscalationTrigger::Kind::at_breach:
      out = "at_breach";
      break;
    case sla::EscalationTrigger::Kind::after_breach:
      out = "after_breach " + l.trigger.duration.to_string();
      break;
    case sla::EscalationTrigger::Kind::on_event:
      out = "on " + l.trigger.event;
      break;
  }
  if (l.clock) out += " on " + clock(*l.clock);
  out += ":";
  for (const auto& a : l.actions) {
    switch (a.kind) {
      case sla::EscalationAction::Kind::notify:
        out += " notify";
        for (const auto& r : a.roles) out += " " + r;
        break;
      case sla::EscalationAction::Kind::escalate:
        out += " escalate " + std::to_string(a.steps);
        break;
      case sla::EscalationAction::Kind::raise_severity:
        out += " raise_severity " + std::to_string(a.steps);
        break;
      case sla::EscalationAction::Kind::set_severity:
        out += " set_severity " + a.name;
        break;
      case sla::EscalationAction::Kind::action:
        out += " action " + a.name;
        break;
    }
  }
  return out;
}

std::vector<std::string> levels(const sla::TargetRule& target) {
  std::vector<std::string> out;
  for (const auto& l : target.escalation) out.push_back(level(l));
  return out;
}

std::vector<std::string> severity_ids(const sla::RuleSet& rules) {
  std::vector<std::string> out;
  for (const auto& s : rules.severities()) out.push_back(s.id);
  return out;
}

std::vector<std::string> tier_calendars(const sla::Policy& policy) {
  std::vector<std::string> out;
  for (const auto& t : policy.tiers) out.push_back(t.id + "=" + t.calendar);
  return out;
}

using Strings = std::vector<std::string>;

// The contracts' recurring obligations, one file per agreement that has them.
const std::set<std::string> kObligationFiles = {
    "mail-system.obligations.yaml", "hardware-maintenance.obligations.yaml",
    "warehouse-system.obligations.yaml", "repair-pledge.obligations.yaml"};

// Every weekday cn-office is closed on, and every weekend day it is open on, in one year.
struct YearExceptions {
  Strings closed_weekdays, open_weekend_days;
};
YearExceptions exceptions(const sla::Calendar& calendar, int y) {
  using namespace std::chrono;
  YearExceptions out;
  for (sys_days d = sys_days{year{y} / January / 1}; d <= sys_days{year{y} / December / 31};
       d += days{1}) {
    const unsigned wd = weekday{d}.c_encoding();
    const bool weekend = wd == 0 || wd == 6;
    const bool open = calendar.is_business_day(year_month_day{d});
    if (!weekend && !open) out.closed_weekdays.push_back(sla::format_date(year_month_day{d}));
    if (weekend && open) out.open_weekend_days.push_back(sla::format_date(year_month_day{d}));
  }
  return out;
}

}  // namespace

TEST_CASE("Every rules file loads with no error and no unacknowledged warning", "[agreements]") {
  const auto files = rules_files();

  // The glob really sees the agreements (and the calendars they include).
  std::set<std::string> names;
  for (const auto& f : files) names.insert(fs::relative(f, kRules).generic_string());
  for (const char* expected :
       {"mail-system.yaml", "security-products.yaml", "hardware-maintenance.yaml",
        "it-integrator.yaml", "network-equipment.yaml", "warehouse-system.yaml",
        "egov-network.yaml", "repair-pledge.yaml", "library-system.yaml", "telecom-it-support.yaml",
        "product-maintenance.yaml", "info-system-support.yaml", "calendars/cn.yaml",
        "calendars/cn-2026.yaml"})
    CHECK(names.contains(expected));
  for (const auto& f : kObligationFiles) CHECK(names.contains(f));

  for (const auto& file : files) {
    const std::string name = fs::relative(file, kRules).generic_string();
    INFO(name);
    const auto result = sla::load_rules({file.string()});
    INFO(all_diagnostics(result));
    CHECK(result.ok());
    CHECK(result.diagnostics.empty());
  }
}

TEST_CASE("Each acknowledged warning is real: without ignore_warnings the file warns",
          "[agreements]") {
  // it-integrator gives a major fault a longer restoration goal than a general one on purpose;
  // any other file that acknowledges a warning is checked the same way.
  std::set<std::string> acknowledging;
  for (const auto& f : rules_files()) {
    const auto codes = acknowledged_codes(f);
    if (codes.empty()) continue;
    acknowledging.insert(fs::relative(f, kRules).generic_string());

    std::istringstream in(read_text(f));
    std::string without, line;
    while (std::getline(in, line))
      if (line.find("ignore_warnings:") == std::string::npos) without += line + "\n";
    const auto result = sla::load_rules_from_string(without, f.string());
    INFO(f.string() << "\n" << all_diagnostics(result));
    REQUIRE(result.ok());
    for (const auto& code : codes) {
      INFO(code);
      bool warned = false;
      for (const auto& d : result.diagnostics)
        warned = warned || (d.severity == sla::Diagnostic::Severity::warning && d.code == code);
      CHECK(warned);
    }
  }
  CHECK(acknowledging.contains("it-integrator.yaml"));
}

TEST_CASE("The China calendars hold the State Council's 2024-2026 holidays and make-up days",
          "[agreements]") {
  const auto rules = load_agreement("calendars/cn.yaml");
  CHECK(rules.calendar_ids() == Strings{"cn-24x7", "cn-7x8", "cn-office"});
  const sla::Calendar& office = rules.calendar("cn-office");

  // Every weekday off and every weekend day worked, year by year, as in the notices.
  const auto y2024 = exceptions(office, 2024);
  CHECK(y2024.closed_weekdays == Strings{"2024-01-01", "2024-02-12", "2024-02-13", "2024-02-14",
                                         "2024-02-15", "2024-02-16", "2024-04-04", "2024-04-05",
                                         "2024-05-01", "2024-05-02", "2024-05-03", "2024-06-10",
                                         "2024-09-16", "2024-09-17", "2024-10-01", "2024-10-02",
                                         "2024-10-03", "2024-10-04", "2024-10-07"});
  CHECK(y2024.open_weekend_days == Strings{"2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28",
                                           "2024-05-11", "2024-09-14", "2024-09-29", "2024-10-12"});
  const auto y2025 = exceptions(office, 2025);
  CHECK(y2025.closed_weekdays == Strings{"2025-01-01", "2025-01-28", "2025-01-29", "2025-01-30",
                                         "2025-01-31", "2025-02-03", "2025-02-04", "2025-04-04",
                                         "2025-05-01", "2025-05-02", "2025-05-05", "2025-06-02",
                                         "2025-10-01", "2025-10-02", "2025-10-03", "2025-10-06",
                                         "2025-10-07", "2025-10-08"});
  CHECK(y2025.open_weekend_days ==
        Strings{"2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"});
  const auto y2026 = exceptions(office, 2026);
  CHECK(y2026.closed_weekdays == Strings{"2026-01-01", "2026-01-02", "2026-02-16", "2026-02-17",
                                         "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-23",
                                         "2026-04-06", "2026-05-01", "2026-05-04", "2026-05-05",
                                         "2026-06-19", "2026-09-25", "2026-10-01", "2026-10-02",
                                         "2026-10-05", "2026-10-06", "2026-10-07"});
  CHECK(y2026.open_weekend_days == Strings{"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09",
                                           "2026-09-20", "2026-10-10"});
  CHECK(office.schedule(sla::parse_date("2025-10-06")).name ==
        "National Day and Mid-Autumn Festival");

  // calendars/cn-2026.yaml, the old file name, gives the same calendars.
  const auto old_name = load_agreement("calendars/cn-2026.yaml");
  CHECK(old_name.calendar_ids() == Strings{"cn-24x7", "cn-7x8", "cn-office"});
  CHECK(exceptions(old_name.calendar("cn-office"), 2025).closed_weekdays == y2025.closed_weekdays);
}

TEST_CASE("Mail system: fixes around the clock in 4h/48h/5cd/7cd, the visit due with the fix",
          "[agreements]") {
  const auto rules = load_agreement("mail-system.yaml");
  CHECK(severity_ids(rules) == Strings{"sev1", "sev2", "sev3", "sev4"});
  REQUIRE(rules.find_severity("一级优先权") != nullptr);
  CHECK(rules.find_severity("一级优先权")->id == "sev1");
  CHECK(rules.find_severity("四级故障")->id == "sev4");

  const auto& mail = policy(rules, "mail-system");
  CHECK(tier_calendars(mail) == Strings{"standard=cn-office"});  // the 5×8 hotline
  CHECK(mail.find_target("response") == nullptr);                // the text gives no response time

  const auto& resolution = target(mail, "resolution");
  CHECK(condition(resolution.start) == "created");
  CHECK(conditions(resolution.stop) == Strings{"resolved", "workaround_provided"});
  CHECK(clock(resolution.clock) == "cn-24x7");
  CHECK(cell(resolution, "standard", "sev1") == "4h");
  CHECK(cell(resolution, "standard", "sev2") == "48h");
  CHECK(cell(resolution, "standard", "sev3") == "5cd");
  CHECK(cell(resolution, "standard", "sev4") == "7cd");
  CHECK(levels(resolution) == Strings{"on remote_failed: action dispatch_on_site"});

  const auto& on_site = target(mail, "on_site");
  CHECK(condition(on_site.start) == "remote_failed");
  CHECK(on_site.goal.shape() == sla::Goal::Shape::due_of_target);
  CHECK(on_site.goal.due_of() == "resolution");  // the level's limit, counted from the report

  // The yearly inspection is a contract obligation (mail-system.obligations.yaml), not a
  // 365-day clock restarted by each inspection.
  CHECK(rules.find_policy("mail-system-inspection") == nullptr);
  CHECK(rules.policies().size() == 1);
}

// An obligation as one line: "quarterly_inspection: every quarter from the contract, met by
// inspection_done, until contract_ended" / "... before key_period - 0h".
std::string obligation_text(const sla::Obligation& o) {
  std::string out = o.id + ": ";
  if (o.kind == sla::Obligation::Kind::periodic)
    out +=
        "every " + o.every.to_string() +
        (o.anchor == sla::ObligationAnchor::contract ? " from the contract" : " by the calendar");
  else
    out += "before " + o.before + " - " + o.lead.to_string();
  out += ", met by";
  for (const auto& e : o.met_by) out += " " + e;
  if (!o.until.empty()) out += ", until";
  for (const auto& e : o.until) out += " " + e;
  return out;
}

Strings obligations(const sla::Policy& p) {
  Strings out;
  for (const auto& o : p.obligations) out.push_back(obligation_text(o));
  return out;
}

TEST_CASE("Contract obligations: per service year, quarter or month, not N days after the last",
          "[agreements]") {
  for (const auto& f : kObligationFiles) {
    INFO(f);
    load_agreement(f);  // each loads clean
  }
  // 000 L18 "巡查时间为一年一次": once per service year, counted from the registration code.
  CHECK(
      obligations(policy(load_agreement("mail-system.obligations.yaml"), "mail-system-contract")) ==
      Strings{"yearly_inspection: every year from the contract, met by inspection_done, until "
              "contract_ended"});
  // 002 L71/L91/L143: inspection and evaluation once a quarter, an inspection before each key
  // period the client names.
  CHECK(obligations(policy(load_agreement("hardware-maintenance.obligations.yaml"),
                           "hardware-maintenance-contract")) ==
        Strings{"quarterly_inspection: every quarter from the contract, met by inspection_done, "
                "until contract_ended",
                "system_evaluation: every quarter from the contract, met by evaluation_delivered, "
                "until contract_ended",
                "key_period_inspection: before key_period - 0s, met by inspection_done"});
  // 004 C L160 "每月至少上门巡查一次": calendar months.
  CHECK(obligations(policy(load_agreement("warehouse-system.obligations.yaml"),
                           "warehouse-system-contract")) ==
        Strings{"monthly_inspection: every month by the calendar, met by inspection_done, until "
                "contract_ended"});
  // 004 G L180: a call every month; the half-yearly maintenance only where the client asks.
  const auto pledge = load_agreement("repair-pledge.obligations.yaml");
  CHECK(obligations(policy(pledge, "repair-pledge-contract-maintenance")) ==
        Strings{"monthly_call: every month by the calendar, met by followup_call, until "
                "contract_ended",
                "half_yearly_maintenance: every half_year from the contract, met by "
                "maintenance_done, until contract_ended"});
  CHECK(obligations(policy(pledge, "repair-pledge-contract")) ==
        Strings{"monthly_call: every month by the calendar, met by followup_call, until "
                "contract_ended"});
}

TEST_CASE("Security products: working-hour limits, replies, intake and close-out minutes",
          "[agreements]") {
  const auto rules = load_agreement("security-products.yaml");
  CHECK(severity_ids(rules) == Strings{"sev1", "sev2", "sev3", "sev4"});
  REQUIRE(rules.find_severity("第二級") != nullptr);
  CHECK(rules.find_severity("第二級")->id == "sev2");
  const sla::Role* engineer = rules.find_role("maintenance_engineer");
  REQUIRE(engineer != nullptr);
  // L51: one step up, to the customer-service manager; the implementation manager is consulted.
  CHECK(engineer->escalates_to == std::optional<std::string>("cs_manager"));
  REQUIRE(rules.find_role("implementation_manager") != nullptr);
  CHECK_FALSE(rules.find_role("implementation_manager")->escalates_to.has_value());
  CHECK_FALSE(rules.find_role("cs_manager")->escalates_to.has_value());

  const auto& p = policy(rules, "security-products");
  CHECK(tier_calendars(p) == Strings{"standard=cn-office"});  // 5*8 working time

  const auto& hotline = target(p, "hotline");
  CHECK(clock(hotline.clock) == "cn-24x7");
  CHECK(cell(hotline, "standard", "sev4") == "4h");

  const auto& response = target(p, "response");
  CHECK(clock(response.clock) == "business");
  CHECK(cell(response, "standard", "sev1") == "2h");
  CHECK(cell(response, "standard", "sev2") == "4h");
  CHECK(cell(response, "standard", "sev3") == "8h");
  CHECK(cell(response, "standard", "sev4") == "8h");
  CHECK(levels(response) == Strings{"at_breach: raise_severity 1 action send_to_level_owner"});

  const auto& remote_fix = target(p, "remote_fix");
  CHECK(cell(remote_fix, "standard", "sev1") == "4h");
  CHECK(cell(remote_fix, "standard", "sev4") == "48h");
  CHECK(remote_fix.escalation.empty());  // the 30 minutes are the engineer's, from assignment

  const auto& on_site = target(p, "on_site");
  CHECK(condition(on_site.start) == "breached(remote_fix)");
  CHECK(cell(on_site, "standard", "sev1") == "1cd");  // "保證24小時内到達"
  CHECK(cell(on_site, "standard", "sev2") == "3bd");
  CHECK(cell(on_site, "standard", "sev3") == "5bd");
  CHECK(cell(on_site, "standard", "sev4") == "7bd");

  const auto& updates = target(p, "updates");
  CHECK(updates.optional);
  CHECK(cell(updates, "standard", "sev1") == "10m 30m 1h");
  CHECK(cell(updates, "standard", "sev4") == "none");

  const auto& same_day = target(p, "same_day");
  CHECK(cell(same_day, "standard", "sev3") == "eobd");
  CHECK(cell(same_day, "standard", "sev4") == "none");
  CHECK(levels(same_day) == Strings{"at_breach: notify supervisor action agree_interim_report"});

  const auto& engineer_30m = target(p, "engineer_30m");
  CHECK(condition(engineer_30m.start) == "engineer_assigned");
  CHECK(conditions(engineer_30m.stop) == Strings{"solution_proposed", "resolved"});
  CHECK(levels(engineer_30m) ==
        Strings{"at_breach: escalate 1 notify implementation_manager action "
                "assign_implementation_engineers"});

  const struct {
    const char* id;
    const char* start;
    const char* stop;
    const char* goal;
  } minutes[] = {
      {"intake_relay", "created", "specialist_informed", "5m"},
      {"manager_contact", "specialist_informed", "cs_manager_informed", "5m"},
      {"closeout_engineer", "resolved", "center_manager_notified", "5m"},
      {"closeout_review", "center_manager_notified", "specialist_notified", "10m"},
      {"closeout_customer", "specialist_notified", "customer_notified", "10m"},
      {"crm_close", "customer_confirmed", "ticket_closed", "30m"},
  };
  for (const auto& m : minutes) {
    INFO(m.id);
    const auto& t = target(p, m.id);
    CHECK(condition(t.start) == m.start);
    CHECK(conditions(t.stop) == Strings{m.stop});
    CHECK(cell(t, "standard", "sev2") == m.goal);
  }
  CHECK(levels(target(p, "crm_close")) == Strings{"on customer_confirmed: notify cs_manager"});
}

TEST_CASE("Hardware maintenance: tiers A/B/C, nine resolution cells, the document after the visit",
          "[agreements]") {
  const auto rules = load_agreement("hardware-maintenance.yaml");
  CHECK(severity_ids(rules) == Strings{"sev1", "sev2", "sev3"});
  CHECK(rules.find_severity("重大故障")->id == "sev1");
  const auto& p = policy(rules, "hardware-maintenance");
  CHECK(tier_calendars(p) == Strings{"A=cn-24x7", "B=cn-7x8", "C=cn-office"});

  const auto& on_site = target(p, "on_site");
  for (const char* sev : {"sev1", "sev2", "sev3"}) {
    INFO(sev);
    CHECK(cell(on_site, "A", sev) == "2h");
    CHECK(cell(on_site, "B", sev) == "4h");
    CHECK(cell(on_site, "C", sev) == "eobd+1");
  }

  const auto& resolution = target(p, "resolution");
  const struct {
    const char* tier;
    const char* severity;
    const char* goal;
  } cells[] = {
      {"A", "sev1", "2h"},  {"B", "sev1", "4h"},  {"C", "sev1", "8h"},
      {"A", "sev2", "24h"}, {"B", "sev2", "24h"}, {"C", "sev2", "72h"},
      {"A", "sev3", "48h"}, {"B", "sev3", "48h"}, {"C", "sev3", "72h"},
  };
  for (const auto& c : cells) {
    INFO(c.tier << " " << c.severity);
    CHECK(cell(resolution, c.tier, c.severity) == c.goal);
  }
  CHECK(resolution.goal.cells().size() == 9);
  // Service hours of each level: the tier's clock. (The wall-clock reading is `clock: wall`.)
  CHECK(clock(resolution.clock) == "business");
  CHECK(conditions(resolution.stop) == Strings{"resolved", "restored"});  // "恢复或解决"
  CHECK(levels(resolution) == Strings{"at_breach: raise_severity 1"});

  const auto& report = target(p, "report");
  CHECK(condition(report.start) == "onsite_service_confirmed");  // not the arrival
  CHECK(clock(report.clock) == "cn-24x7");
  CHECK(cell(report, "C", "sev3") == "eobd+5");
}

// The resolution due instant of a tier C, level 2 fault reported Wed 2026-09-30 10:00.
std::string hardware_c_sev2_due(const fs::path& file) {
  auto loaded = sla::load_rules({file.string()});
  INFO(all_diagnostics(loaded));
  REQUIRE(loaded.ok());
  const sla::Engine engine(*loaded.rules);
  const auto shanghai = sla::TimeZone::locate("Asia/Shanghai");
  const sla::Schedule s = engine.due("hardware-maintenance", "C", "sev2",
                                     sla::parse_instant("2026-09-30T10:00", shanghai));
  for (const auto& t : s.targets)
    if (t.id == "resolution" && t.due) return sla::format_instant(*t.due, shanghai);
  return "none";
}

TEST_CASE("Hardware maintenance: the wall-clock reading is the one line the README shows",
          "[agreements]") {
  // Kept reading: 72 hours of cn-office across National Day (README, "Bundled agreements").
  CHECK(hardware_c_sev2_due(kRules / "hardware-maintenance.yaml") == "2026-10-19T10:00:00+08:00");
  // The other: `clock: wall` added to `resolution`, in a copy beside a copy of its calendars.
  const fs::path dir = fs::temp_directory_path() / ("sla_hw_wall_" + std::to_string(::getpid()));
  fs::create_directories(dir / "calendars");
  fs::copy_file(kRules / "calendars/cn.yaml", dir / "calendars/cn.yaml",
                fs::copy_options::overwrite_existing);
  std::string text = read_text(kRules / "hardware-maintenance.yaml");
  const std::string key = "      resolution:\n";
  const auto at = text.find(key);
  REQUIRE(at != std::string::npos);
  text.insert(at + key.size(), "        clock: wall\n");
  std::ofstream(dir / "hardware-maintenance.yaml") << text;
  const std::string wall = hardware_c_sev2_due(dir / "hardware-maintenance.yaml");
  fs::remove_all(dir);
  CHECK(wall == "2026-10-03T10:00:00+08:00");
}

TEST_CASE("IT integrator: 30m/1h/2h/6h/14h, an hour on site after dispatch, hardware in 4h",
          "[agreements]") {
  const auto rules = load_agreement("it-integrator.yaml");
  CHECK(severity_ids(rules) == Strings{"major", "general"});
  const auto& p = policy(rules, "it-integrator");
  const auto& hw = policy(rules, "it-integrator-hardware");
  CHECK(tier_calendars(p) == Strings{"standard=cn-24x7"});
  CHECK(rules.match_policy({{"fault_kind", "hardware"}}) == &hw);
  CHECK(rules.match_policy({}) == &p);

  for (const sla::Policy* policy : {&p, &hw}) {
    INFO(policy->id);
    CHECK(cell(target(*policy, "response"), "standard", "major") == "30m");
    // "立即" for a major fault: bounded by the general fault's hours.
    CHECK(cell(target(*policy, "solution_proposal"), "standard", "major") == "1h");
    CHECK(cell(target(*policy, "solution_proposal"), "standard", "general") == "1h");
    const auto& dispatch = target(*policy, "dispatch");
    CHECK(condition(dispatch.start) == "created");  // from the notice, stopped by a remote fix
    CHECK(conditions(dispatch.stop) ==
          Strings{"technician_dispatched", "engineer_arrived", "resolved"});
    CHECK(cell(dispatch, "standard", "major") == "2h");
    CHECK(cell(dispatch, "standard", "general") == "2h");
    const auto& on_site = target(*policy, "on_site");
    CHECK(condition(on_site.start) == "technician_dispatched");
    CHECK(cell(on_site, "standard", "general") == "1h");
    CHECK(cell(target(*policy, "resolution"), "standard", "major") == "14h");
    CHECK(cell(target(*policy, "resolution"), "standard", "general") == "6h");
    const auto& report = target(*policy, "report");
    CHECK(condition(report.start) == "resolved");
    CHECK(cell(report, "standard", "general") == "eobd+3");
  }
  CHECK(cell(target(hw, "hardware_restore"), "standard", "general") == "4h");
  CHECK(p.find_target("hardware_restore") == nullptr);
}

TEST_CASE("Network equipment: levels C-1..C-3, a 5x8 baseline and 7x24 on request",
          "[agreements]") {
  const auto rules = load_agreement("network-equipment.yaml");
  CHECK(severity_ids(rules) == Strings{"C-1", "C-2", "C-3"});
  CHECK(rules.find_severity("C - 2")->id == "C-2");
  const auto& p = policy(rules, "network-equipment");
  CHECK(tier_calendars(p) == Strings{"7x24=cn-24x7", "5x8=cn-office"});

  CHECK(cell(target(p, "response"), "5x8", "C-1") == "2h");
  CHECK(cell(target(p, "response_guarantee"), "5x8", "C-1") == "24h");
  CHECK(cell(target(p, "on_site"), "7x24", "C-3") == "12h");
  CHECK(cell(target(p, "replacement_plan"), "7x24", "C-3") == "24h");

  const auto& repair = target(p, "repair");
  CHECK(cell(repair, "7x24", "C-2") == "48h");
  CHECK(conditions(repair.stop) == Strings{"resolved", "repaired"});  // backup is no stop
  CHECK(levels(repair) == Strings{"at_breach: action provide_backup_equipment"});

  const auto& hardware_repair = target(p, "hardware_repair");
  CHECK(clock(hardware_repair.clock) == "cn-7x8");  // "按每周7天和每天8个工作小时计算"
  CHECK(cell(hardware_repair, "5x8", "C-2") == "72h");

  // No invented escalation times: the diagnosis limits were in a table the text lacks.
  for (const auto& t : p.targets)
    if (t.id != "repair") CHECK(t.escalation.empty());
}

TEST_CASE("The vendor texts of seed 004 with numbers, one small file each", "[agreements]") {
  {
    const auto rules = load_agreement("warehouse-system.yaml");
    const auto& fault = policy(rules, "warehouse-system");
    const auto& consultation = policy(rules, "warehouse-consultation");
    CHECK(rules.match_policy({{"kind", "consultation"}}) == &consultation);
    CHECK(rules.match_policy({}) == &fault);
    CHECK(cell(target(consultation, "consult_solution"), "24x7", "ungraded") == "4h");
    const struct {
      const char* id;
      const char* start;
      const char* goal;
    } targets[] = {{"lead_call", "created", "15m"},          {"response", "created", "1h"},
                   {"departure", "onsite_required", "4h"},   {"on_site", "created", "48h"},
                   {"resolution", "created", "48h"},         {"restore", "created", "2cd"},
                   {"onsite_fix", "engineer_arrived", "24h"}};
    for (const auto& t : targets) {
      INFO(t.id);
      CHECK(condition(target(fault, t.id).start) == t.start);
      CHECK(cell(target(fault, t.id), "24x7", "ungraded") == t.goal);
    }
    CHECK(conditions(target(fault, "resolution").stop) == Strings{"resolved", "backup_provided"});
  }
  {
    const auto rules = load_agreement("egov-network.yaml");
    const auto& p = policy(rules, "egov-network");
    CHECK(tier_calendars(p) == Strings{"24x7=cn-24x7"});
    CHECK(cell(target(p, "response"), "24x7", "fault") == "30m");
    CHECK(cell(target(p, "on_site"), "24x7", "fault") == "2h");
  }
  {
    const auto rules = load_agreement("repair-pledge.yaml");
    const auto& p = policy(rules, "repair-pledge");
    CHECK(cell(target(p, "repair_plan"), "24x7", "fault") == "30m");
    CHECK(cell(target(p, "on_site"), "24x7", "fault") == "4h");
  }
  {
    const auto rules = load_agreement("library-system.yaml");
    const auto& response = target(policy(rules, "library-system"), "response");
    CHECK(cell(response, "standard", "request") == "24h");
    CHECK(conditions(response.stop) == Strings{"responded", "engineer_arrived", "resolved"});
  }
  {
    const auto rules = load_agreement("telecom-it-support.yaml");
    const auto& on_site = target(policy(rules, "telecom-it-support"), "on_site");
    CHECK(on_site.optional);
    CHECK(cell(on_site, "24x7", "serious") == "24h");
    CHECK(cell(on_site, "24x7", "other") == "none");
  }
  {
    const auto rules = load_agreement("product-maintenance.yaml");
    const auto& dispatch = target(policy(rules, "product-maintenance"), "dispatch");
    CHECK(cell(dispatch, "24x7", "major") == "4h");
    CHECK(cell(dispatch, "24x7", "general") == "6h");
  }
  {
    const auto rules = load_agreement("info-system-support.yaml");
    const auto& p = policy(rules, "info-system-support");
    CHECK(cell(target(p, "reaction"), "24x7", "request") == "2h");
    CHECK(cell(target(p, "solution"), "24x7", "request") == "24h");
  }
}
