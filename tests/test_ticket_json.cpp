// Tickets from JSON (sla/json.hpp): what is read, and every way a ticket can be malformed, each
// with the message that names where the problem is.
#include <catch2/catch_test_macros.hpp>

#include <string>

#include "sla/iso8601.hpp"
#include "sla/json.hpp"

namespace {

std::string error_of(const std::string& text) {
  const sla::TicketJson t = sla::parse_ticket_json(text);
  CHECK_FALSE(t.ticket.has_value());
  return t.error;
}

const std::string kBase =
    R"("policy": "p", "tier": "C", "severity": "sev1", "created": "2026-11-20T19:00:00+08:00")";

}  // namespace

TEST_CASE("A ticket is read from JSON with every field") {
  const auto t = sla::parse_ticket_json(R"({"id": 17, "policy": "maintenance",
      "attributes": {"contract": "gold", "seats": 12, "vip": true}, "tier": "C",
      "severity": "P1", "assignee": "engineer", "created": "2026-11-20T11:00:00Z",
      "now": "2026-11-23T12:00:00+08:00",
      "events": [{"at": "2026-11-23T09:20:00+08:00", "type": "responded"},
                 {"at": "2026-11-23T11:00:00+0800", "type": "severity", "to": "sev2"}]})");
  REQUIRE(t.ticket);
  CHECK(t.error.empty());
  CHECK(t.ticket->id == "17");
  CHECK(t.ticket->policy == "maintenance");
  const std::vector<std::pair<std::string, std::string>> attributes = {
      {"contract", "gold"}, {"seats", "12"}, {"vip", "true"}};
  CHECK(t.ticket->attributes == attributes);
  CHECK(t.ticket->severity == "P1");
  CHECK(t.ticket->assignee == "engineer");
  CHECK(t.ticket->created == sla::parse_instant("2026-11-20T19:00:00+08:00", sla::TimeZone::utc()));
  REQUIRE(t.now);
  CHECK(*t.now == sla::parse_instant("2026-11-23T04:00:00Z", sla::TimeZone::utc()));
  REQUIRE(t.ticket->events.size() == 2);
  CHECK(t.ticket->events[1].type == "severity");
  CHECK(t.ticket->events[1].to == "sev2");
  CHECK(t.ticket->events[1].at == sla::parse_instant("2026-11-23T03:00:00Z", sla::TimeZone::utc()));
}

TEST_CASE("Malformed tickets are refused with the place and the problem") {
  CHECK(error_of("") ==
        "not valid JSON: parse error at line 1, column 1: syntax error while parsing value - "
        "unexpected end of input; expected '[', '{', or a literal");
  CHECK(error_of("[1]") == "ticket: a ticket is a JSON object, not an array");
  CHECK(error_of("{" + kBase + R"(, "evnts": []})") ==
        "evnts: unknown key (expected one of: id, policy, attributes, tier, severity, assignee, "
        "created, events, now)");
  CHECK(error_of(R"({"policy": "p", "severity": "sev1", "created": "2026-11-20T19:00:00Z"})") ==
        "tier: missing (a ticket needs tier, severity and created)");
  CHECK(error_of(R"({"tier": "C", "severity": "sev1", "created": "2026-11-20T19:00:00Z"})") ==
        "policy: missing (give the ticket's policy, or attributes that a policy matches)");
  CHECK(
      error_of(
          R"({"policy": "p", "tier": 3, "severity": "sev1", "created": "2026-11-20T19:00:00Z"})") ==
      "tier: expected a string, not a number");
  CHECK(error_of(
            R"({"policy": "p", "tier": "C", "severity": "sev1", "created": "2026-11-20T19:00"})") ==
        "created: '2026-11-20T19:00' has no UTC offset: write it as an instant, e.g. "
        "2026-11-20T19:00:00+08:00 or 2026-11-20T11:00:00Z");
  CHECK(
      error_of(
          R"({"policy": "p", "tier": "C", "severity": "sev1", "created": "2026-02-30T19:00:00Z"})")
          .rfind("created: invalid time '2026-02-30T19:00:00Z'", 0) == 0);
  CHECK(error_of("{" + kBase + R"(, "attributes": [1]})") ==
        "attributes: expected an object of name: value, not an array");
  CHECK(error_of("{" + kBase + R"(, "attributes": {"a": {"b": 1}}})") ==
        "attributes.a: expected a string or a number, not an object");
  CHECK(error_of("{" + kBase + R"(, "events": {}})") ==
        "events: expected an array of events, not an object");
  CHECK(error_of("{" + kBase + R"(, "events": ["resolved"]})") ==
        "events[0]: an event is an object, not a string");
  CHECK(error_of("{" + kBase + R"(, "events": [{"type": "resolved"}]})") ==
        "events[0]: an event needs 'at'");
  CHECK(error_of("{" + kBase + R"(, "events": [{"at": "2026-11-20T19:00:00Z", "type": ""}]})") ==
        "events[0].type: the event type is empty");
  CHECK(error_of("{" + kBase +
                 R"(, "events": [{"at": "2026-11-20T19:00:00Z", "type": "x"},
                                 {"at": "2026-11-21 10:00", "type": "y"}]})") ==
        "events[1].at: '2026-11-21 10:00' has no UTC offset: write it as an instant, e.g. "
        "2026-11-20T19:00:00+08:00 or 2026-11-20T11:00:00Z");
  CHECK(error_of("{" + kBase +
                 R"(, "events": [{"at": "2026-11-20T19:00:00Z", "type": "x", "note": 1}]})") ==
        "events[0].note: unknown key (expected one of: at, type, to)");
  CHECK(error_of("{" + kBase + "} trailing").rfind("not valid JSON: parse error at line 1", 0) ==
        0);
}
