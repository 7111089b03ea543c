// sla due: the deadlines of a ticket to which nothing happens (docs/semantics.md §4, Engine::due).
#include <fmt/format.h>

#include <ostream>

#include "command.hpp"
#include "common.hpp"
#include "engine_text.hpp"
#include "sla/engine.hpp"
#include "sla/error.hpp"
#include "sla/iso8601.hpp"
#include "sla/json.hpp"

namespace sla::cli {

int run_due(const ParsedArgs& args, Io& io) {
  const Engine engine(load_rule_set(args, io));
  const std::string& policy_id = args.required("policy");
  const std::string& tier = args.required("tier");
  // --created may be local time: in the zone of the tier's calendar.
  const TimeZone& zone = tier_zone(engine.rules(), policy_id, tier);
  const Instant created = parse_time_value("created", args.required("created"), zone);
  const Schedule schedule = engine.due(policy_id, tier, args.required("severity"), created);
  if (!schedule.ok()) {
    for (const auto& d : schedule.diagnostics) io.err << "sla: error: " << d.message << '\n';
    return exit_error;
  }
  if (args.has("json")) {
    io.out << to_json(schedule) << '\n';
    return exit_ok;
  }
  print_schedule(schedule, engine.rules(), io.out);
  return exit_ok;
}

}  // namespace sla::cli
