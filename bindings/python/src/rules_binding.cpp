// sla._core.RuleSet and loading. Loading returns (RuleSet or None, diagnostics as the JSON of
// `sla validate --format json`); the façade turns the JSON into sla.Diagnostic objects and
// raises sla.RuleError, so the exception class with its fields lives in Python.
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bindings.hpp"
#include "sla/diagnostic.hpp"
#include "sla/rule_set.hpp"

namespace sla::python {
namespace {

void append_once(std::vector<std::string>& ids, const std::string& id) {
  for (const std::string& known : ids)
    if (known == id) return;
  ids.push_back(id);
}

std::pair<std::optional<RuleSet>, std::string> loaded(LoadResult&& result) {
  return {std::move(result.rules), to_json(result.diagnostics)};
}

}  // namespace

void bind_rules(py::module_& m) {
  py::class_<RuleSet>(m, "RuleSet")
      .def("calendar", [](const RuleSet& r, std::string_view id) { return r.calendar(id); })
      .def("calendar_ids", &RuleSet::calendar_ids)
      .def("policy_ids",
           [](const RuleSet& r) {
             std::vector<std::string> ids;
             for (const Policy& p : r.policies()) ids.push_back(p.id);
             return ids;
           })
      .def("severity_ids",
           [](const RuleSet& r) {
             std::vector<std::string> ids;
             for (const Severity& s : r.severities()) ids.push_back(s.id);
             return ids;
           })
      // Every tier, target and role id of the rules, each once, in file order: the categories
      // of evaluate_frame's columns, the same for every part of a partitioned table.
      .def("tier_ids",
           [](const RuleSet& r) {
             std::vector<std::string> ids;
             for (const Policy& p : r.policies())
               for (const Tier& t : p.tiers) append_once(ids, t.id);
             return ids;
           })
      .def("target_ids",
           [](const RuleSet& r) {
             std::vector<std::string> ids;
             for (const Policy& p : r.policies())
               for (const TargetRule& t : p.targets) append_once(ids, t.id);
             return ids;
           })
      .def("role_ids", [](const RuleSet& r) {
        std::vector<std::string> ids;
        for (const Role& role : r.roles()) ids.push_back(role.id);
        return ids;
      });

  m.def(
      "load_rules",
      [](const std::vector<std::string>& paths) {
        LoadResult result;
        {
          py::gil_scoped_release release;
          result = load_rules(paths);
        }
        return loaded(std::move(result));
      },
      py::arg("paths"));
  m.def(
      "load_rules_from_string",
      [](std::string_view text, std::string_view name) {
        LoadResult result;
        {
          py::gil_scoped_release release;
          result = load_rules_from_string(text, name);
        }
        return loaded(std::move(result));
      },
      py::arg("text"), py::arg("name") = "<string>");
}

}  // namespace sla::python
