// `sla graph` run as a real process: the exact dot text for tests/data/graph/support.yaml (a
// ladder with two ways up and a lone rung; policies `maintenance` and `hotline`), --policy,
// --json, and the failures.
#ifdef SLA_CLI_PATH

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_runner.hpp"

namespace {

using Catch::Matchers::ContainsSubstring;
using sla_test::CliResult;
using sla_test::run_cli;
using sla_test::sla_ok;

std::string data(const std::string& name) { return std::string(SLA_TEST_DATA_DIR) + "/" + name; }
const std::string kSupport = data("graph/support.yaml");

// What every drawing of support.yaml starts with: the ladder's cluster comes first.
const std::string kRolesCluster =
    "digraph G {\n"
    "rankdir=LR;\n"
    "subgraph cluster_roles {\n"
    "label=\"roles\";\n"
    "role_0;\n"
    "role_1;\n"
    "role_2;\n"
    "role_3;\n"
    "role_4;\n"
    "}\n";
const std::string kRoleNodes =
    "role_0[label=\"engineer\",shape=box];\n"
    "role_1[label=\"on_call\",shape=box];\n"
    "role_2[label=\"team_lead\",shape=box];\n"
    "role_3[label=\"duty_manager\",shape=box];\n"
    "role_4[label=\"auditor\",shape=box];\n";
const std::string kRoleEdges =
    "role_0->role_2 ;\n"
    "role_1->role_2 ;\n"
    "role_2->role_3 ;\n";

// `--policy hotline`: the ladder and hotline, which is then the only (so the first) policy.
const std::string kHotlineOnly = kRolesCluster +
                                 "subgraph cluster_policy_0 {\n"
                                 "label=\"policy hotline\";\n"
                                 "policy_0_target_0;\n"
                                 "policy_0_target_1;\n"
                                 "policy_0_event_0;\n"
                                 "}\n" +
                                 kRoleNodes +
                                 "policy_0_target_0[label=\"callback\",shape=ellipse];\n"
                                 "policy_0_target_1[label=\"answer\",shape=ellipse];\n"
                                 "policy_0_event_0[label=\"call_logged\",shape=plaintext];\n" +
                                 kRoleEdges +
                                 "policy_0_target_0->policy_0_target_1 [label=\"met\"];\n"
                                 "policy_0_event_0->policy_0_target_0 ;\n"
                                 "}\n";

}  // namespace

TEST_CASE("sla graph draws the role ladder and every policy's start dependencies", "[cli]") {
  const std::string expected =
      kRolesCluster +
      "subgraph cluster_policy_0 {\n"
      "label=\"policy maintenance\";\n"
      "policy_0_target_0;\n"
      "policy_0_target_1;\n"
      "policy_0_target_2;\n"
      "policy_0_target_3;\n"
      "policy_0_target_4;\n"
      "policy_0_event_0;\n"
      "}\n"
      "subgraph cluster_policy_1 {\n"
      "label=\"policy hotline\";\n"
      "policy_1_target_0;\n"
      "policy_1_target_1;\n"
      "policy_1_event_0;\n"
      "}\n" +
      kRoleNodes +
      "policy_0_target_0[label=\"response\",shape=ellipse];\n"
      "policy_0_target_1[label=\"remote_fix\",shape=ellipse];\n"
      "policy_0_target_2[label=\"on_site\",shape=ellipse];\n"
      "policy_0_target_3[label=\"resolution\",shape=ellipse];\n"
      "policy_0_target_4[label=\"report\",shape=ellipse];\n"
      "policy_0_event_0[label=\"created\",shape=plaintext];\n"
      "policy_1_target_0[label=\"callback\",shape=ellipse];\n"
      "policy_1_target_1[label=\"answer\",shape=ellipse];\n"
      "policy_1_event_0[label=\"call_logged\",shape=plaintext];\n" +
      kRoleEdges +
      "policy_0_target_1->policy_0_target_2 [label=\"breached\",color=red];\n"
      "policy_0_target_3->policy_0_target_4 [label=\"met\"];\n"
      "policy_0_event_0->policy_0_target_0 ;\n"
      "policy_0_event_0->policy_0_target_1 ;\n"
      "policy_0_event_0->policy_0_target_3 ;\n"
      "policy_1_target_0->policy_1_target_1 [label=\"met\"];\n"
      "policy_1_event_0->policy_1_target_0 ;\n"
      "}\n";
  CHECK(sla_ok({"graph", "--rules", kSupport}) == expected);
  // Byte for byte the same on every run.
  CHECK(sla_ok({"graph", "--rules=" + kSupport}) == expected);
}

TEST_CASE("sla graph --policy draws the ladder and that policy only", "[cli]") {
  CHECK(sla_ok({"graph", "--rules", kSupport, "--policy", "hotline"}) == kHotlineOnly);
  CHECK(sla_ok({"graph", "--policy=hotline", "--rules", kSupport}) == kHotlineOnly);
}

TEST_CASE("sla graph --json prints the policies drawn and the dot text", "[cli]") {
  // The dot text as a JSON string: only quotes and line breaks need escaping in it.
  std::string quoted = "\"";
  for (const char c : kHotlineOnly)
    quoted += c == '"' ? "\\\"" : c == '\n' ? "\\n" : std::string(1, c);
  quoted += '"';
  CHECK(sla_ok({"graph", "--rules", kSupport, "--policy", "hotline", "--json"}) ==
        "{\"policies\":[\"hotline\"],\"dot\":" + quoted + "}\n");
  // Read back by a JSON parser, the dot member is the dot text itself.
  const auto parsed = nlohmann::json::parse(
      sla_ok({"graph", "--rules", kSupport, "--policy", "hotline", "--json"}));
  CHECK(parsed.at("policies") == nlohmann::json::array({"hotline"}));
  CHECK(parsed.at("dot") == kHotlineOnly);
  CHECK_THAT(
      sla_ok({"graph", "--rules", kSupport, "--json"}),
      ContainsSubstring("{\"policies\":[\"maintenance\",\"hotline\"],\"dot\":\"digraph G {"));
}

TEST_CASE("sla graph on rules without roles or policies prints an empty digraph", "[cli]") {
  CHECK(sla_ok({"graph", "--rules", data("cli/office.yaml")}) == "digraph G {\nrankdir=LR;\n}\n");
}

TEST_CASE("sla graph --policy with an unknown id fails naming it and the known ones", "[cli]") {
  struct Case {
    std::vector<std::string> args;
    std::string err;
  };
  const std::vector<Case> cases{
      {{"graph", "--rules", kSupport, "--policy", "hotlien"},
       "sla: error: --policy: unknown policy 'hotlien' (known: maintenance, hotline)\n"},
      {{"graph", "--rules", data("cli/office.yaml"), "--policy", "maintenance"},
       "sla: error: --policy: unknown policy 'maintenance' (the rules define no policies)\n"},
      {{"graph", "--policy", "hotline"},
       "sla: error: missing required option '--rules'\n"
       "usage: sla graph --rules F [--policy P] [--json]\n"
       "Run 'sla help graph' for details.\n"},
  };
  for (const auto& c : cases) {
    const CliResult r = run_cli(c.args);
    INFO("args: " << c.args.back());
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err == c.err);
  }
}

TEST_CASE("sla graph draws nothing for rules the loader rejects, such as a cyclic ladder",
          "[cli]") {
  const CliResult r = run_cli({"graph", "--rules", data("graph/role_cycle.yaml")});
  CHECK(r.status == 1);
  CHECK(r.out.empty());
  CHECK_THAT(r.err,
             ContainsSubstring("error: the role ladder has a cycle: engineer -> team_lead -> "
                               "duty_manager -> engineer [SLA260]\n"));
  CHECK_THAT(r.err, ContainsSubstring("\nsla: error: the rule files have 1 error\n"));
}

#endif  // SLA_CLI_PATH
