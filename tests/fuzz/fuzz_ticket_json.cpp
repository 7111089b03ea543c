// libFuzzer target: the ticket JSON reader, on any bytes (tests/fuzz/README.md).
//
// parse_ticket_json must return a ticket or an error, never throw or crash; a ticket it returns
// is evaluated on the bundled maintenance agreement with the hardware contract's obligations
// (a contract ticket names policy hardware-maintenance-contract), which must not throw either
// (evaluation reports what it cannot compute as diagnostics).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "sla/engine.hpp"
#include "sla/json.hpp"
#include "sla/rule_set.hpp"

namespace {

const sla::Engine& engine() {
  static const sla::Engine instance = [] {
    sla::LoadResult loaded =
        sla::load_rules({SLA_SOURCE_DIR "/rules/maintenance.yaml",
                         SLA_SOURCE_DIR "/rules/hardware-maintenance.obligations.yaml"});
    if (!loaded.rules) {
      std::fprintf(stderr, "fuzz_ticket_json: the rules do not load\n");
      std::abort();
    }
    return sla::Engine(std::move(*loaded.rules));
  }();
  return instance;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const sla::TicketJson parsed = sla::parse_ticket_json(text);
  if (parsed.ticket.has_value() == !parsed.error.empty()) {
    std::fprintf(stderr, "fuzz_ticket_json: a ticket and an error, or neither\n");
    std::abort();
  }
  if (!parsed.ticket) return 0;
  const sla::Instant now = parsed.now.value_or(parsed.ticket->created + sla::Seconds{86400});
  const sla::Evaluation evaluation = engine().evaluate(*parsed.ticket, now);
  (void)sla::to_json(evaluation);
  return 0;
}
