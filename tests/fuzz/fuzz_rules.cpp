// libFuzzer target: the rules loader, on any bytes (tests/fuzz/README.md).
//
// A load must end with diagnostics or rules, never a crash, a hang, an exception or an internal
// error (SLA000), and with rules exactly when no diagnostic is an error. The text is loaded as
// if it were a file in rules/, so that includes of the seeds (rules/*.yaml) resolve; what loads
// is then used a little — every calendar answers a roll and an add — to reach the year tables.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "sla/calendar.hpp"
#include "sla/error.hpp"
#include "sla/rule_set.hpp"

namespace {

[[noreturn]] void broken(const char* what, const sla::LoadResult& result) {
  std::string text;
  for (const auto& d : result.diagnostics) text += d.to_string();
  std::fprintf(stderr, "fuzz_rules: %s\n%s", what, text.c_str());
  std::abort();
}

void use(const sla::RuleSet& rules) {
  const sla::Instant t{sla::Seconds{1'790'000'000}};  // 2026-09-21
  int calendars = 0;
  for (const auto& id : rules.calendar_ids()) {
    if (++calendars > 4) break;
    const sla::Calendar& c = rules.calendar(id);
    try {
      (void)c.add(c.roll_forward(t), sla::Seconds{8 * 3600});
      (void)c.between(t, t + sla::Seconds{40 * 86400});
    } catch (const sla::Error&) {
      // A calendar open on a few dates only may find no open time: a clear error is fine.
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const sla::LoadResult result =
      sla::load_rules_from_string(text, SLA_SOURCE_DIR "/rules/fuzz-input.yaml");
  bool any_error = false;
  for (const auto& d : result.diagnostics) {
    if (d.code == "SLA000") broken("internal error", result);
    if (d.code.size() != 6 || d.message.empty()) broken("malformed diagnostic", result);
    any_error = any_error || d.severity == sla::Diagnostic::Severity::error;
    (void)d.to_string();
  }
  if (result.diagnostics.size() > 101) broken("more than 101 diagnostics", result);
  if (result.ok() == any_error) broken("rules and errors disagree", result);
  (void)sla::to_json(result.diagnostics);
  if (result.rules) use(*result.rules);
  return 0;
}
