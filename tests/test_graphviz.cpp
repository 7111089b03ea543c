// tests/test_graphviz.cpp — the model drawn as Graphviz dot (sla/graphviz.hpp): mostly built from
// hand-made roles and policies (src/output/graphviz.hpp) so that it does not depend on the
// loader, and once through the public to_graphviz on loaded rules.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_exception.hpp>

#include <string>
#include <vector>

#include "output/graphviz.hpp"
#include "sla/error.hpp"
#include "sla/graphviz.hpp"
#include "sla/policy.hpp"
#include "sla/role.hpp"
#include "sla/rule_set.hpp"

namespace {

using Kind = sla::Condition::Kind;
using sla::output::model_to_graphviz;

sla::TargetRule target(std::string id, Kind kind, std::string start) {
  sla::TargetRule t;
  t.id = std::move(id);
  t.start = {kind, std::move(start)};
  return t;
}

// Built in one go: assigning a short literal to a member (p.id = "a") trips GCC 12's -Wrestrict
// false positive at -O3.
sla::Policy policy(std::string id, std::vector<sla::TargetRule> targets) {
  sla::Policy p;
  p.id = std::move(id);
  p.targets = std::move(targets);
  return p;
}

// The ladder and the `maintenance` policy of docs/semantics.md §3.
std::vector<sla::Role> spec_roles() {
  return {{"engineer", "service_manager"},
          {"service_manager", "implementation_manager"},
          {"implementation_manager", std::nullopt}};
}

sla::Policy spec_policy() {
  return policy(
      "maintenance",
      {target("response", Kind::event, "created"), target("remote_fix", Kind::event, "created"),
       target("on_site", Kind::breached, "remote_fix"),
       target("resolution", Kind::event, "created"), target("updates", Kind::event, "created"),
       target("report", Kind::met, "resolution")});
}

}  // namespace

TEST_CASE("the role ladder and a policy's start dependencies are drawn as one digraph", "[graph]") {
  const sla::Policy maintenance = spec_policy();
  CHECK(model_to_graphviz(spec_roles(), {&maintenance}) ==
        "digraph G {\n"
        "rankdir=LR;\n"
        "subgraph cluster_roles {\n"
        "label=\"roles\";\n"
        "role_0;\n"
        "role_1;\n"
        "role_2;\n"
        "}\n"
        "subgraph cluster_policy_0 {\n"
        "label=\"policy maintenance\";\n"
        "policy_0_target_0;\n"
        "policy_0_target_1;\n"
        "policy_0_target_2;\n"
        "policy_0_target_3;\n"
        "policy_0_target_4;\n"
        "policy_0_target_5;\n"
        "policy_0_event_0;\n"
        "}\n"
        "role_0[label=\"engineer\",shape=box];\n"
        "role_1[label=\"service_manager\",shape=box];\n"
        "role_2[label=\"implementation_manager\",shape=box];\n"
        "policy_0_target_0[label=\"response\",shape=ellipse];\n"
        "policy_0_target_1[label=\"remote_fix\",shape=ellipse];\n"
        "policy_0_target_2[label=\"on_site\",shape=ellipse];\n"
        "policy_0_target_3[label=\"resolution\",shape=ellipse];\n"
        "policy_0_target_4[label=\"updates\",shape=ellipse];\n"
        "policy_0_target_5[label=\"report\",shape=ellipse];\n"
        "policy_0_event_0[label=\"created\",shape=plaintext];\n"
        "role_0->role_1 ;\n"
        "role_1->role_2 ;\n"
        "policy_0_target_1->policy_0_target_2 [label=\"breached\",color=red];\n"
        "policy_0_target_3->policy_0_target_5 [label=\"met\"];\n"
        "policy_0_event_0->policy_0_target_0 ;\n"
        "policy_0_event_0->policy_0_target_1 ;\n"
        "policy_0_event_0->policy_0_target_3 ;\n"
        "policy_0_event_0->policy_0_target_4 ;\n"
        "}\n");
}

TEST_CASE("no roles and no policies give an empty digraph", "[graph]") {
  CHECK(model_to_graphviz({}, {}) == "digraph G {\nrankdir=LR;\n}\n");
}

TEST_CASE("each policy gets its own cluster and its own event nodes", "[graph]") {
  const sla::Policy a = policy("a", {target("response", Kind::event, "created")});
  const sla::Policy b =
      policy("b", {target("response", Kind::event, "opened"), target("fix", Kind::event, "created"),
                   target("check", Kind::event, "opened")});
  const std::string dot = model_to_graphviz({}, {&b, &a});  // drawn in the order given
  CHECK(dot ==
        "digraph G {\n"
        "rankdir=LR;\n"
        "subgraph cluster_policy_0 {\n"
        "label=\"policy b\";\n"
        "policy_0_target_0;\n"
        "policy_0_target_1;\n"
        "policy_0_target_2;\n"
        "policy_0_event_0;\n"
        "policy_0_event_1;\n"
        "}\n"
        "subgraph cluster_policy_1 {\n"
        "label=\"policy a\";\n"
        "policy_1_target_0;\n"
        "policy_1_event_0;\n"
        "}\n"
        "policy_0_target_0[label=\"response\",shape=ellipse];\n"
        "policy_0_target_1[label=\"fix\",shape=ellipse];\n"
        "policy_0_target_2[label=\"check\",shape=ellipse];\n"
        "policy_0_event_0[label=\"opened\",shape=plaintext];\n"
        "policy_0_event_1[label=\"created\",shape=plaintext];\n"
        "policy_1_target_0[label=\"response\",shape=ellipse];\n"
        "policy_1_event_0[label=\"created\",shape=plaintext];\n"
        "policy_0_event_0->policy_0_target_0 ;\n"
        "policy_0_event_0->policy_0_target_2 ;\n"
        "policy_0_event_1->policy_0_target_1 ;\n"
        "policy_1_event_0->policy_1_target_0 ;\n"
        "}\n");
}

TEST_CASE("names are escaped in labels and never used as node ids", "[graph]") {
  // A quote, a backslash at the end (which would otherwise close the string early), a line
  // break, a tab, and a name that looks like dot syntax.
  const std::vector<sla::Role> roles{{"say \"hi\"", "C:\\"},
                                     {"C:\\", "two\nlines\t!"},
                                     {"two\nlines\t!", "a->b"},
                                     {"a->b", std::nullopt}};
  CHECK(model_to_graphviz(roles, {}) ==
        "digraph G {\n"
        "rankdir=LR;\n"
        "subgraph cluster_roles {\n"
        "label=\"roles\";\n"
        "role_0;\n"
        "role_1;\n"
        "role_2;\n"
        "role_3;\n"
        "}\n"
        "role_0[label=\"say \\\"hi\\\"\",shape=box];\n"
        "role_1[label=\"C:\\\\\",shape=box];\n"
        "role_2[label=\"two\\nlines !\",shape=box];\n"
        "role_3[label=\"a->b\",shape=box];\n"
        "role_0->role_1 ;\n"
        "role_1->role_2 ;\n"
        "role_2->role_3 ;\n"
        "}\n");
}

TEST_CASE("references to missing roles or targets are drawn dashed as unknown", "[graph]") {
  const sla::Policy p = policy("p", {target("report", Kind::met, "resolution"),
                                     target("follow_up", Kind::breached, "resolution")});
  CHECK(model_to_graphviz({{"engineer", "boss"}}, {&p}) ==
        "digraph G {\n"
        "rankdir=LR;\n"
        "subgraph cluster_roles {\n"
        "label=\"roles\";\n"
        "role_0;\n"
        "role_1;\n"
        "}\n"
        "subgraph cluster_policy_0 {\n"
        "label=\"policy p\";\n"
        "policy_0_target_0;\n"
        "policy_0_target_1;\n"
        "policy_0_target_2;\n"
        "}\n"
        "role_0[label=\"engineer\",shape=box];\n"
        "role_1[label=\"boss (unknown)\",shape=box,style=dashed];\n"
        "policy_0_target_0[label=\"report\",shape=ellipse];\n"
        "policy_0_target_1[label=\"follow_up\",shape=ellipse];\n"
        "policy_0_target_2[label=\"resolution (unknown)\",shape=ellipse,style=dashed];\n"
        "role_0->role_1 ;\n"
        "policy_0_target_2->policy_0_target_0 [label=\"met\"];\n"
        "policy_0_target_2->policy_0_target_1 [label=\"breached\",color=red];\n"
        "}\n");
}

TEST_CASE("a cycle in the model is drawn as it is, not rejected", "[graph]") {
  // Drawing a rejected file is not possible through the CLI (the loader refuses it), but the
  // drawing itself must not loop or drop edges.
  const sla::Policy p =
      policy("loop", {target("a", Kind::met, "b"), target("b", Kind::breached, "a")});
  const std::string dot = model_to_graphviz({{"x", "y"}, {"y", "x"}}, {&p});
  CHECK(dot.find("role_0->role_1 ;\nrole_1->role_0 ;\n") != std::string::npos);
  CHECK(dot.find("policy_0_target_0->policy_0_target_1 [label=\"breached\",color=red];\n"
                 "policy_0_target_1->policy_0_target_0 [label=\"met\"];\n") != std::string::npos);
}

TEST_CASE("to_graphviz draws loaded rules, all policies or the one asked for", "[graph]") {
  const sla::LoadResult loaded =
      sla::load_rules({std::string(SLA_TEST_DATA_DIR) + "/graph/support.yaml"});
  REQUIRE(loaded.ok());
  const sla::RuleSet& rules = *loaded.rules;
  std::vector<const sla::Policy*> all;
  for (const sla::Policy& p : rules.policies()) all.push_back(&p);
  REQUIRE(all.size() == 2);
  CHECK(sla::to_graphviz(rules) == model_to_graphviz(rules.roles(), all));
  const std::string hotline = sla::to_graphviz(rules, "hotline");
  CHECK(hotline == model_to_graphviz(rules.roles(), {all[1]}));
  CHECK(hotline.find("label=\"policy hotline\"") != std::string::npos);
  CHECK(hotline.find("maintenance") == std::string::npos);
}

TEST_CASE("to_graphviz names an unknown policy and the ones the rules define", "[graph]") {
  const sla::LoadResult loaded =
      sla::load_rules({std::string(SLA_TEST_DATA_DIR) + "/graph/support.yaml"});
  REQUIRE(loaded.ok());
  CHECK_THROWS_MATCHES(sla::to_graphviz(*loaded.rules, "hotlien"), sla::Error,
                       Catch::Matchers::Message(
                           "unknown policy 'hotlien' (the rules define: maintenance, hotline)"));

  const sla::LoadResult no_policies = sla::load_rules_from_string(
      "version: 1\ncalendars:\n  always: {time_zone: UTC, hours: {daily: [\"00:00-24:00\"]}}\n");
  REQUIRE(no_policies.ok());
  CHECK_THROWS_MATCHES(
      sla::to_graphviz(*no_policies.rules, "x"), sla::Error,
      Catch::Matchers::Message("unknown policy 'x' (the rules define: no policies)"));
  CHECK(sla::to_graphviz(*no_policies.rules) == "digraph G {\nrankdir=LR;\n}\n");
}
