// Loading roles, severities and policies (docs/semantics.md §3): the format's example gives exactly
// the model it describes, goals expand per (tier, severity), names resolve across files, warnings
// can be silenced where an agreement means them, and a loaded RuleSet answers from many threads.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "sla/rule_set.hpp"

namespace {

const std::string kData = SLA_TEST_DATA_DIR;

std::string all_diagnostics(const sla::LoadResult& r) {
  std::string out;
  for (const auto& d : r.diagnostics) out += d.to_string();
  return out;
}

sla::RuleSet load_ok(std::string_view text, std::string_view name = "test.yaml") {
  auto result = sla::load_rules_from_string(text, name);
  INFO(all_diagnostics(result));
  REQUIRE(result.ok());
  REQUIRE(result.diagnostics.empty());
  return *result.rules;
}

std::vector<std::string> codes_of(const sla::LoadResult& r) {
  std::vector<std::string> codes;
  for (const auto& d : r.diagnostics) codes.push_back(d.code);
  return codes;
}

// The goal of (tier, severity) as text: "30m", "10m 30m 1h", or "-" when there is no cell.
std::string goal_text(const sla::TargetRule& target, std::string_view tier,
                      std::string_view severity) {
  const auto* durations = target.goal.find(tier, severity);
  if (durations == nullptr) return "-";
  std::string out;
  for (const auto& d : *durations) {
    if (!out.empty()) out += ' ';
    out += d.to_string();
  }
  return out;
}

const sla::TargetRule& target(const sla::Policy& policy, std::string_view id) {
  const sla::TargetRule* t = policy.find_target(id);
  INFO("target " << id);
  REQUIRE(t != nullptr);
  return *t;
}

using Kind = sla::Condition::Kind;
using Trigger = sla::EscalationTrigger::Kind;
using Action = sla::EscalationAction::Kind;

// A small prelude for inline rules: two calendars, a ladder and three severities.
const std::string kPrelude = R"(version: 1
calendars:
  always: {time_zone: UTC, hours: {daily: ["00:00-24:00"]}}
  office: {time_zone: Asia/Shanghai, hours: {mon-fri: ["09:00-17:00"]}}
roles:
  engineer: {escalates_to: manager}
  manager: {}
severities:
  - {id: sev1, aliases: [P1]}
  - {id: sev2, aliases: [P2]}
  - {id: sev3}
)";

}  // namespace

TEST_CASE("the format's example loads clean into exactly the model it describes", "[rules]") {
  const auto result = sla::load_rules({kData + "/valid/policy_spec_example.yaml"});
  INFO(all_diagnostics(result));
  REQUIRE(result.ok());
  REQUIRE(result.diagnostics.empty());
  const sla::RuleSet& rules = *result.rules;

  SECTION("severities, most severe first, with names, aliases and ranks") {
    const auto& s = rules.severities();
    REQUIRE(s.size() == 3);
    CHECK(s[0].id == "sev1");
    CHECK(s[0].name == "Critical");
    CHECK(s[0].description == "Service down");
    CHECK(s[0].aliases == std::vector<std::string>{"P1", "一级"});
    CHECK(s[1].id == "sev2");
    CHECK(s[1].name == "Major");
    CHECK(s[2].id == "sev3");
    CHECK(s[2].name == "Minor");
    CHECK(s[2].aliases.empty());
    for (std::size_t i = 0; i < s.size(); ++i) CHECK(s[i].rank == static_cast<int>(i));
    CHECK(rules.find_severity("P1") == &s[0]);
    CHECK(rules.find_severity("一级") == &s[0]);
    CHECK(rules.find_severity("sev3") == &s[2]);
    CHECK(rules.find_severity("Critical") == nullptr);  // a name is not an id
  }

  SECTION("the role ladder") {
    const auto& roles = rules.roles();
    REQUIRE(roles.size() == 3);
    CHECK(roles[0].id == "engineer");
    CHECK(roles[0].escalates_to == std::optional<std::string>("service_manager"));
    CHECK(roles[1].escalates_to == std::optional<std::string>("implementation_manager"));
    CHECK_FALSE(roles[2].escalates_to.has_value());
    REQUIRE(rules.find_role("service_manager") != nullptr);
    CHECK(rules.find_role("manager") == nullptr);
  }

  SECTION("the policy: match, tiers best first, targets in file order") {
    REQUIRE(rules.policies().size() == 1);
    const sla::Policy& p = rules.policies()[0];
    CHECK(rules.find_policy("maintenance") == &p);
    CHECK(p.match == std::vector<std::pair<std::string, std::string>>{{"contract", "maintenance"}});
    REQUIRE(p.tiers.size() == 2);
    CHECK(p.tiers[0].id == "A");
    CHECK(p.tiers[0].name == "7x24, on site in 2h");
    CHECK(p.tiers[0].calendar == "always");
    CHECK(p.tiers[1].id == "C");
    CHECK(p.tiers[1].calendar == "cn-office");
    std::vector<std::string> ids;
    for (const auto& t : p.targets) ids.push_back(t.id);
    CHECK(ids == std::vector<std::string>{"response", "remote_fix", "on_site", "resolution",
                                          "updates", "report"});
  }

  const sla::Policy& p = *rules.find_policy("maintenance");

  SECTION("response: one goal on its own clock, in every cell") {
    const auto& t = target(p, "response");
    CHECK(t.start == sla::Condition{Kind::event, "created"});
    CHECK(t.stop == std::vector<sla::Condition>{{Kind::event, "responded"}});
    CHECK(t.clock.kind == sla::Clock::Kind::calendar);
    CHECK(t.clock.calendar == "always");
    CHECK(t.goal.shape() == sla::Goal::Shape::single);
    CHECK_FALSE(t.goal.periodic());
    CHECK(t.goal.cells().size() == 6);
    for (const auto* tier : {"A", "C"})
      for (const auto* severity : {"sev1", "sev2", "sev3"})
        CHECK(goal_text(t, tier, severity) == "30m");
    CHECK(goal_text(t, "B", "sev1") == "-");
    CHECK(goal_text(t, "A", "P1") == "-");  // cells are keyed by severity id
  }

  SECTION("remote_fix: by severity, the same in both tiers, on the tier's calendar") {
    const auto& t = target(p, "remote_fix");
    CHECK(t.goal.shape() == sla::Goal::Shape::by_severity);
    CHECK(t.clock.kind == sla::Clock::Kind::business);
    CHECK(goal_text(t, "A", "sev1") == "4h");
    CHECK(goal_text(t, "C", "sev1") == "4h");
    CHECK(goal_text(t, "A", "sev2") == "8h");
    CHECK(goal_text(t, "C", "sev3") == "24h");
  }

  SECTION("on_site: starts on remote_fix's breach, stops on either event, goal by tier") {
    const auto& t = target(p, "on_site");
    CHECK(t.start == sla::Condition{Kind::breached, "remote_fix"});
    CHECK(t.stop == std::vector<sla::Condition>{{Kind::event, "engineer_arrived"},
                                                {Kind::event, "resolved"}});
    CHECK(t.goal.shape() == sla::Goal::Shape::by_tier);
    CHECK(goal_text(t, "A", "sev3") == "2h");
    CHECK(goal_text(t, "C", "sev1") == "eobd+1");
    const auto* c = t.goal.find("C", "sev2");
    REQUIRE(c != nullptr);
    CHECK(c->at(0).kind == sla::DurationSpec::Kind::end_of_business_day);
    CHECK(c->at(0).days == 1);
  }

  SECTION("resolution: tier then severity, pause and resume, four escalation levels") {
    const auto& t = target(p, "resolution");
    CHECK(t.goal.shape() == sla::Goal::Shape::by_tier_and_severity);
    CHECK(goal_text(t, "A", "sev1") == "2h");
    CHECK(goal_text(t, "A", "sev2") == "24h");
    CHECK(goal_text(t, "A", "sev3") == "48h");
    CHECK(goal_text(t, "C", "sev1") == "8h");
    CHECK(goal_text(t, "C", "sev2") == "72h");
    CHECK(goal_text(t, "C", "sev3") == "72h");
    CHECK(t.pause == std::vector<std::string>{"waiting_customer"});
    CHECK(t.resume == std::vector<std::string>{"customer_replied"});
    CHECK(t.restart.empty());
    CHECK(t.on_severity_change == sla::OnSeverityChange::recompute);
    CHECK_FALSE(t.optional);
    REQUIRE(t.escalation.size() == 4);

    const auto& half = t.escalation[0];
    CHECK(half.trigger.kind == Trigger::at_percent);
    CHECK(half.trigger.percent == 50);
    REQUIRE(half.actions.size() == 1);
    CHECK(half.actions[0].kind == Action::notify);
    CHECK(half.actions[0].roles == std::vector<std::string>{"engineer"});
    CHECK_FALSE(half.clock.has_value());

    const auto& after = t.escalation[1];
    CHECK(after.trigger.kind == Trigger::after);
    CHECK(after.trigger.duration == sla::parse_duration("30m"));
    REQUIRE(after.actions.size() == 1);
    CHECK(after.actions[0].kind == Action::escalate);
    CHECK(after.actions[0].steps == 1);

    const auto& full = t.escalation[2];
    CHECK(full.trigger.kind == Trigger::at_percent);
    CHECK(full.trigger.percent == 100);
    REQUIRE(full.actions.size() == 2);  // in the order written
    CHECK(full.actions[0].kind == Action::raise_severity);
    CHECK(full.actions[0].steps == 1);
    CHECK(full.actions[1].kind == Action::notify);
    CHECK(full.actions[1].roles == std::vector<std::string>{"service_manager"});

    const auto& late = t.escalation[3];
    CHECK(late.trigger.kind == Trigger::after_breach);
    CHECK(late.trigger.duration == sla::parse_duration("24h"));
    REQUIRE(late.actions.size() == 1);
    CHECK(late.actions[0].kind == Action::action);
    CHECK(late.actions[0].name == "provide_backup_equipment");
  }

  SECTION("updates: periodic, stops when resolution is met, restarts on an event") {
    const auto& t = target(p, "updates");
    CHECK(t.goal.periodic());
    CHECK(t.goal.shape() == sla::Goal::Shape::single);
    CHECK(goal_text(t, "C", "sev2") == "10m 30m 1h");
    CHECK(t.stop == std::vector<sla::Condition>{{Kind::met, "resolution"}});
    CHECK(t.restart == std::vector<std::string>{"customer_updated"});
  }

  SECTION("report: starts when resolution is met, three business days") {
    const auto& t = target(p, "report");
    CHECK(t.start == sla::Condition{Kind::met, "resolution"});
    const auto* d = t.goal.find("A", "sev1");
    REQUIRE(d != nullptr);
    CHECK(d->at(0).kind == sla::DurationSpec::Kind::business_days);
    CHECK(d->at(0).days == 3);
  }

  SECTION("match_policy: the first policy whose attributes all match") {
    CHECK(rules.match_policy({{"contract", "maintenance"}}) == &p);
    CHECK(rules.match_policy({{"region", "north"}, {"contract", "maintenance"}}) == &p);
    CHECK(rules.match_policy({{"contract", "installation"}}) == nullptr);
    CHECK(rules.match_policy({}) == nullptr);
  }
}

TEST_CASE("match_policy tries policies in file order; one without match takes the rest",
          "[rules]") {
  const auto rules = load_ok(kPrelude + R"(policies:
  - id: gold
    match: {contract: maintenance, level: gold}
    tiers: {A: {calendar: always}}
    targets: {response: {start: created, stop: responded, goal: 15m}}
  - id: maintenance
    match: {contract: maintenance}
    tiers: {A: {calendar: office}}
    targets: {response: {start: created, stop: responded, goal: 1h}}
  - id: fallback
    tiers: {A: {calendar: office}}
    targets: {response: {start: created, stop: responded, goal: 1bd}}
)");
  CHECK(rules.match_policy({{"contract", "maintenance"}, {"level", "gold"}})->id == "gold");
  CHECK(rules.match_policy({{"contract", "maintenance"}, {"level", "silver"}})->id ==
        "maintenance");
  CHECK(rules.match_policy({{"contract", "other"}})->id == "fallback");
  CHECK(rules.match_policy({})->id == "fallback");
}

TEST_CASE("an optional target may leave cells out; they are absent, not defaulted", "[rules]") {
  const auto rules = load_ok(kPrelude + R"(policies:
  - id: p
    tiers: {A: {calendar: always}, C: {calendar: office}}
    targets:
      on_site: {start: created, stop: arrived, goal: {A: {sev1: 4h}}, optional: true}
)");
  const auto& t = target(*rules.find_policy("p"), "on_site");
  CHECK(t.optional);
  CHECK(t.goal.shape() == sla::Goal::Shape::by_tier_and_severity);
  REQUIRE(t.goal.cells().size() == 1);
  CHECK(goal_text(t, "A", "sev1") == "4h");
  CHECK(goal_text(t, "A", "sev2") == "-");
  CHECK(goal_text(t, "C", "sev1") == "-");
}

TEST_CASE("goal keys may be aliases; cells and set_severity are stored by severity id", "[rules]") {
  const auto rules = load_ok(kPrelude + R"(policies:
  - id: p
    tiers: {A: {calendar: always}, C: {calendar: office}}
    targets:
      resolution:
        start: created
        stop: resolved
        goal: {C: {P1: 8h, P2: 1bd, sev3: 2bd}, A: 4h}
        escalation:
          - {at_breach: true, set_severity: P1, clock: wall}
          - {after: 1h, notify: engineer, clock: office}
)");
  const auto& t = target(*rules.find_policy("p"), "resolution");
  CHECK(goal_text(t, "C", "sev1") == "8h");
  CHECK(goal_text(t, "C", "sev2") == "1bd");
  CHECK(goal_text(t, "A", "sev3") == "4h");
  // Cells follow the policy's tier order (A before C), whatever the order written.
  REQUIRE(t.goal.cells().size() == 6);
  CHECK(t.goal.cells()[0].tier == "A");
  CHECK(t.goal.cells()[3].tier == "C");
  REQUIRE(t.escalation.size() == 2);
  CHECK(t.escalation[0].actions.at(0).name == "sev1");
  CHECK(t.escalation[0].clock->kind == sla::Clock::Kind::wall);
  CHECK(t.escalation[1].actions.at(0).roles == std::vector<std::string>{"engineer"});
  CHECK(t.escalation[1].clock->kind == sla::Clock::Kind::calendar);
  CHECK(t.escalation[1].clock->calendar == "office");
}

TEST_CASE("ignore_warnings silences a warning code on its target or policy only", "[rules]") {
  // sev1 gets longer than sev2 in both targets; tier A gets longer than tier C in 'remote'.
  const std::string targets = R"(    targets:
      remote:
        start: created
        stop: resolved
        goal: {A: {sev1: 8h, sev2: 4h, sev3: 8h}, C: {sev1: 4h, sev2: 4h, sev3: 8h}}
        ignore_warnings: [SLA300]
      resolution: {start: created, stop: resolved, goal: {sev1: 8h, sev2: 4h, sev3: 8h}}
)";
  const std::string policy = R"(policies:
  - id: p
    tiers: {A: {calendar: always}, C: {calendar: office}}
)";
  const auto quiet_target = sla::load_rules_from_string(kPrelude + policy + targets, "x.yaml");
  INFO(all_diagnostics(quiet_target));
  CHECK(quiet_target.ok());
  // remote: SLA300 silenced, its SLA301 still reported; resolution: SLA300 reported.
  CHECK(codes_of(quiet_target) == std::vector<std::string>{"SLA301", "SLA300"});
  CHECK(quiet_target.diagnostics[1].where.line == 21);  // the goal of resolution

  const std::string quiet_policy_text =
      kPrelude + policy + "    ignore_warnings: [SLA300, SLA301]\n" + targets;
  const auto quiet_policy = sla::load_rules_from_string(quiet_policy_text, "x.yaml");
  INFO(all_diagnostics(quiet_policy));
  CHECK(quiet_policy.ok());
  CHECK(quiet_policy.diagnostics.empty());
}

TEST_CASE("warnings leave the rules usable", "[rules]") {
  const auto result = sla::load_rules_from_string(kPrelude + R"(policies:
  - id: p
    tiers: {A: {calendar: always}}
    targets:
      response: {start: created, stop: responded, goal: 4h}
      resolution: {start: created, stop: resolved, goal: 2h}
)",
                                                  "x.yaml");
  REQUIRE(result.ok());
  REQUIRE(codes_of(result) == std::vector<std::string>{"SLA302"});
  CHECK(result.diagnostics[0].severity == sla::Diagnostic::Severity::warning);
  CHECK(goal_text(target(*result.rules->find_policy("p"), "response"), "A", "sev2") == "4h");
}

TEST_CASE("durations of different kinds are not compared by the warnings", "[rules]") {
  // 2bd may be shorter or longer than 20h depending on the calendar and the start.
  const auto rules = load_ok(kPrelude + R"(policies:
  - id: p
    tiers: {A: {calendar: office}}
    targets:
      response: {start: created, stop: responded, goal: 20h}
      resolution: {start: created, stop: resolved, goal: {sev1: 2bd, sev2: 20h, sev3: eobd+1}}
)");
  CHECK(rules.policies().size() == 1);
}

TEST_CASE("roles, severities and calendars may come from included files", "[rules]") {
  const auto result = sla::load_rules_from_string(R"(version: 1
include: included/policy_base.yaml
policies:
  - id: p
    tiers: {A: {calendar: office}}
    targets:
      resolution:
        start: created
        stop: resolved
        goal: {P1: 4h, P2: 8h, sev3: 1bd}
        escalation: [{at: 80%, notify: [manager], escalate: 2}]
)",
                                                  kData + "/invalid/main.yaml");
  INFO(all_diagnostics(result));
  REQUIRE(result.ok());
  CHECK(result.diagnostics.empty());
  CHECK(result.rules->severities().size() == 3);
  CHECK(result.rules->roles().size() == 3);
  const auto& t = target(*result.rules->find_policy("p"), "resolution");
  CHECK(goal_text(t, "A", "sev2") == "8h");
  CHECK(t.escalation.at(0).actions.size() == 2);
}

TEST_CASE("every problem of a policy file is reported in one run, without cascades", "[rules]") {
  const auto result = sla::load_rules_from_string(kPrelude + R"(policies:
  - id: p
    tiers: {A: {calendar: always}, C: {calendar: ofice}}
    targets:
      response: {start: created, stop: responded, goal: 2d}
      resolution:
        start: met(respons)
        stop: resolved
        goal: {A: 4h}
        escalation:
          - {at: 50%, notify: [enginer]}
          - {notify: [manager]}
)",
                                                  "x.yaml");
  INFO(all_diagnostics(result));
  CHECK_FALSE(result.ok());
  // The bad duration is not reported again as a missing cell; the missing tier C is.
  CHECK(codes_of(result) ==
        std::vector<std::string>{"SLA221", "SLA240", "SLA231", "SLA244", "SLA201", "SLA250"});
}

TEST_CASE("a misspelt key is one error, not also a missing key or a missing trigger", "[rules]") {
  const auto result = sla::load_rules_from_string(kPrelude + R"(policies:
  - id: p
    tiers: {A: {calendar: always}}
    targets:
      resolution:
        start: created
        stp: resolved
        goal: 4h
        escalation: [{aT: 50%, notify: [engineer]}]
)",
                                                  "x.yaml");
  CHECK(codes_of(result) == std::vector<std::string>{"SLA002", "SLA002"});
}

TEST_CASE("escalation percentages are whole numbers from 0% to 10000%, never rounded", "[rules]") {
  auto with_at = [](const std::string& at) {
    return sla::load_rules_from_string(kPrelude + R"(policies:
  - id: p
    tiers: {A: {calendar: always}}
    targets:
      resolution:
        start: created
        stop: resolved
        goal: 8h
        escalation: [{at: )" + at + R"(, notify: [engineer]}]
)",
                                       "x.yaml");
  };
  for (const auto& [text, percent] :
       {std::pair{"0%", 0}, {"50%", 50}, {"050%", 50}, {"150%", 150}, {"10000%", 10000}}) {
    INFO(text);
    const auto result = with_at(text);
    INFO(all_diagnostics(result));
    REQUIRE(result.ok());
    const auto& level = result.rules->policies().at(0).targets.at(0).escalation.at(0);
    CHECK(level.trigger.kind == Trigger::at_percent);
    CHECK(level.trigger.percent == percent);
  }
  const struct {
    const char* text;
    const char* message;
  } refused[] = {
      {"12.5%", "'at' must be a whole percentage of the goal like 12% or 150%, not '12.5%'"},
      {"50.0%", "'at' must be a whole percentage of the goal like 12% or 150%, not '50.0%'"},
      {"12.5", "'at' must be a whole percentage of the goal like 12% or 150%, not '12.5'"},
      {"10001%", "'at' is at most 10000% (a hundred times the goal), not '10001%'"},
      {"99999999999%", "'at' is at most 10000% (a hundred times the goal), not '99999999999%'"},
      {"'-5%'",
       "'at' must be a percentage of the goal like 50% (not negative, may exceed 100%), not "
       "'-5%'"},
      {"'.%'",
       "'at' must be a percentage of the goal like 50% (not negative, may exceed 100%), not "
       "'.%'"},
  };
  for (const auto& r : refused) {
    INFO(r.text);
    const auto result = with_at(r.text);
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].code == "SLA253");
    CHECK(result.diagnostics[0].message == r.message);
  }
}

TEST_CASE("one RuleSet with policies answers from several threads at once", "[rules]") {
  const auto result = sla::load_rules({kData + "/valid/policy_spec_example.yaml"});
  REQUIRE(result.ok());
  const sla::RuleSet rules = *result.rules;
  std::vector<std::thread> threads;
  std::vector<int> wrong(8, 0);
  for (std::size_t k = 0; k < wrong.size(); ++k) {
    threads.emplace_back([&rules, &wrong, k] {
      for (int i = 0; i < 3000; ++i) {
        const sla::Policy* p = rules.match_policy({{"contract", "maintenance"}});
        if (p == nullptr || p != rules.find_policy("maintenance")) {
          ++wrong[k];
          continue;
        }
        const sla::Severity* s = rules.find_severity(k % 2 == 0 ? "P1" : "sev3");
        const auto* goal = p->find_target("resolution")->goal.find(k % 2 == 0 ? "A" : "C", s->id);
        const long long expected = k % 2 == 0 ? 2 * 3600 : 72 * 3600;
        if (goal == nullptr || goal->front().business.count() != expected) ++wrong[k];
        if (rules.find_role("engineer")->escalates_to != "service_manager") ++wrong[k];
      }
    });
  }
  for (auto& t : threads) t.join();
  CHECK(wrong == std::vector<int>(8, 0));
}

TEST_CASE("the valid policy files load clean", "[rules]") {
  for (const auto* name : {"policy_spec_example.yaml", "policy_every_key.yaml"}) {
    const auto result = sla::load_rules({kData + "/valid/" + name});
    INFO(name << "\n" << all_diagnostics(result));
    CHECK(result.ok());
    CHECK(result.diagnostics.empty());
  }
}
