// Tickets from JSON (sla/json.hpp, schema/ticket.schema.json), read with nlohmann/json.
//
// Strict on purpose: a misspelt key ("evnts") or a time without an offset would otherwise change
// deadlines silently. Every problem names its place: "events[2].at: ...".
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "sla/error.hpp"
#include "sla/iso8601.hpp"
#include "sla/json.hpp"
#include "yaml/limits.hpp"
#include "yaml/text_check.hpp"

namespace sla {
namespace {

using nlohmann::json;

struct BadTicket {
  std::string message;
};

// Messages quote what the ticket says, which may be anything: they are made printable and
// short (a 100 KB key is shown by its ends).
std::string shown(std::string text) {
  return yaml::clipped(yaml::printable(text), limits::kMaxMessageBytes);
}

[[noreturn]] void fail(const std::string& where, const std::string& what) {
  throw BadTicket{shown(fmt::format("{}: {}", where, what))};
}

// Ids, names and event types are printed by hosts and the CLI: no control characters (JSON
// escapes such as "\u001b" can carry a terminal escape sequence into them).
const std::string& clean(const std::string& text, const std::string& where) {
  if (const auto control = yaml::control_character(text))
    fail(where, fmt::format("the string holds {}", control->message));
  return text;
}

std::string_view kind_of(const json& v) {
  switch (v.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::object:
      return "an object";
    case json::value_t::array:
      return "an array";
    case json::value_t::string:
      return "a string";
    case json::value_t::boolean:
      return "true/false";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      return "a number";
    default:
      return "a value of another kind";
  }
}

const std::string& text(const json& v, const std::string& where) {
  if (!v.is_string()) fail(where, fmt::format("expected a string, not {}", kind_of(v)));
  return clean(v.get_ref<const std::string&>(), where);
}

// An id or attribute value: a string, or a number / true / false taken by its JSON text.
std::string scalar_text(const json& v, const std::string& where) {
  if (v.is_string()) return clean(v.get<std::string>(), where);
  if (v.is_number() || v.is_boolean()) return v.dump();
  fail(where, fmt::format("expected a string or a number, not {}", kind_of(v)));
}

// An instant with an explicit UTC offset: a ticket's times must not depend on where it is read.
Instant instant(const json& v, const std::string& where) {
  const std::string& t = text(v, where);
  const bool has_offset =
      !t.empty() &&
      (t.back() == 'Z' || t.back() == 'z' ||
       t.find_first_of("+-", std::min<std::size_t>(t.size(), 10)) != std::string::npos);
  Instant parsed;
  try {
    parsed = parse_instant(t, TimeZone::utc());
  } catch (const Error& e) {
    fail(where, e.what());
  }
  if (!has_offset)
    fail(where, fmt::format("'{}' has no UTC offset: write it as an instant, e.g. "
                            "2026-11-20T19:00:00+08:00 or 2026-11-20T11:00:00Z",
                            t));
  return parsed;
}

template <std::size_t N>
void check_keys(const json& object, const std::string& where,
                const std::array<std::string_view, N>& known) {
  for (const auto& [key, value] : object.items()) {
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    fail(where.empty() ? key : where + "." + key,
         fmt::format("unknown key (expected one of: {})", fmt::join(known, ", ")));
  }
}

TicketEvent read_event(const json& v, const std::string& where) {
  if (!v.is_object()) fail(where, fmt::format("an event is an object, not {}", kind_of(v)));
  check_keys<3>(v, where, {"at", "type", "to"});
  TicketEvent e;
  if (!v.contains("at")) fail(where, "an event needs 'at'");
  if (!v.contains("type")) fail(where, "an event needs 'type'");
  e.at = instant(v["at"], where + ".at");
  e.type = text(v["type"], where + ".type");
  if (e.type.empty()) fail(where + ".type", "the event type is empty");
  if (v.contains("to")) e.to = text(v["to"], where + ".to");
  return e;
}

TicketJson read(const json& v) {
  TicketJson out;
  if (!v.is_object()) fail("ticket", fmt::format("a ticket is a JSON object, not {}", kind_of(v)));
  check_keys<9>(
      v, "",
      {"id", "policy", "attributes", "tier", "severity", "assignee", "created", "events", "now"});
  Ticket t;
  if (v.contains("id")) t.id = scalar_text(v["id"], "id");
  if (v.contains("policy")) t.policy = text(v["policy"], "policy");
  // A contract ticket, of a policy with obligations only, has no severity (the engine says so
  // when its policy has targets).
  for (const char* required : {"tier", "created"})
    if (!v.contains(required)) fail(required, "missing (a ticket needs tier and created)");
  t.tier = text(v["tier"], "tier");
  if (v.contains("severity")) t.severity = text(v["severity"], "severity");
  t.created = instant(v["created"], "created");
  if (v.contains("assignee")) t.assignee = text(v["assignee"], "assignee");
  if (v.contains("attributes")) {
    const json& a = v["attributes"];
    if (!a.is_object())
      fail("attributes", fmt::format("expected an object of name: value, not {}", kind_of(a)));
    for (const auto& [key, value] : a.items())
      t.attributes.emplace_back(clean(key, "attributes." + key),
                                scalar_text(value, "attributes." + key));
  }
  if (t.policy.empty() && !v.contains("attributes"))
    fail("policy", "missing (give the ticket's policy, or attributes that a policy matches)");
  if (v.contains("events")) {
    const json& events = v["events"];
    if (!events.is_array())
      fail("events", fmt::format("expected an array of events, not {}", kind_of(events)));
    t.events.reserve(events.size());
    for (std::size_t i = 0; i < events.size(); ++i)
      t.events.push_back(read_event(events[i], fmt::format("events[{}]", i)));
  }
  if (v.contains("now")) out.now = instant(v["now"], "now");
  out.ticket = std::move(t);
  return out;
}

}  // namespace

TicketJson parse_ticket_json(std::string_view text) {
  if (text.size() > kMaxTicketBytes)
    return {std::nullopt, std::nullopt,
            fmt::format("the ticket holds {}; a ticket may hold at most {}",
                        limits::size_text(text.size()), limits::size_text(kMaxTicketBytes))};
  try {
    return read(json::parse(text.begin(), text.end()));
  } catch (const json::parse_error& e) {
    // nlohmann's message starts "[json.exception.parse_error.101] parse error at line 1,
    // column 5: ..."; keep what follows the tag.
    std::string what = e.what();
    if (const auto close = what.find("] "); close != std::string::npos) what.erase(0, close + 2);
    return {std::nullopt, std::nullopt, shown(fmt::format("not valid JSON: {}", what))};
  } catch (const json::exception& e) {
    // The parser also throws out_of_range, for a number no double holds ("1e999"); found by
    // tests/fuzz/fuzz_ticket_json.
    std::string what = e.what();
    if (const auto close = what.find("] "); close != std::string::npos) what.erase(0, close + 2);
    return {std::nullopt, std::nullopt, shown(fmt::format("not valid JSON: {}", what))};
  } catch (const BadTicket& e) {
    return {std::nullopt, std::nullopt, e.message};
  }
}

}  // namespace sla
