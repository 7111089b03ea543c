#include "rules/obligation_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <span>

#include "rules/codes.hpp"
#include "rules/condition_reader.hpp"
#include "rules/duration_limit.hpp"
#include "yaml/codes.hpp"

namespace sla::rules {
namespace {

const std::vector<std::string_view> kObligationKeys = {"every",  "anchor", "before",  "lead",
                                                       "met_by", "until",  "calendar"};

// `every`: a calendar period by name, or a whole number of days (calendar or business days:
// periods of inspections are days, not hours).
std::optional<ObligationPeriod> read_period(const yaml::Reader& reader, const yaml::Value& value) {
  const auto text = reader.text(value, "'every'");
  if (!text) return std::nullopt;
  if (*text == "month") return ObligationPeriod::month();
  if (*text == "quarter") return ObligationPeriod::quarter();
  if (*text == "half_year") return ObligationPeriod::half_year();
  if (*text == "year") return ObligationPeriod::year();
  const Parsed<DurationSpec> d = try_parse_duration(*text);
  if (d &&
      (d->kind == DurationSpec::Kind::calendar_days ||
       d->kind == DurationSpec::Kind::business_days) &&
      d->days > 0) {
    if (const auto why = unusable_duration(*d, *text)) {
      reader.error(value.at, code::bad_period, *why);
      return std::nullopt;
    }
    return ObligationPeriod::of(*d);
  }
  reader.error(value.at, code::bad_period,
               fmt::format("'every' must be month, quarter, half_year, year or a number of days "
                           "like 90cd or 30bd, not '{}'",
                           *text));
  return std::nullopt;
}

// `lead`: an amount of time, not negative and not an anchor.
std::optional<DurationSpec> read_lead(const yaml::Reader& reader, const yaml::Value& value) {
  const auto text = reader.text(value, "'lead'");
  if (!text) return std::nullopt;
  const Parsed<DurationSpec> parsed = try_parse_duration(*text);
  if (!parsed) {
    reader.error(value.at, code::bad_duration, parsed.error);
    return std::nullopt;
  }
  const DurationSpec& d = *parsed;
  if (d.kind == DurationSpec::Kind::end_of_business_day ||
      d.kind == DurationSpec::Kind::business_day_at) {
    reader.error(value.at, code::bad_period,
                 fmt::format("'lead' must be an amount of time like 3cd, 2bd or 4h, not the "
                             "anchor '{}'",
                             *text));
    return std::nullopt;
  }
  if (const auto why = unusable_duration(d, *text)) {
    reader.error(value.at, code::bad_period, *why);
    return std::nullopt;
  }
  if (d.business.count() < 0 || d.days < 0 || d.backward) {
    reader.error(value.at, code::bad_period,
                 fmt::format("'lead' cannot be negative ('{}'): it says how long before the "
                             "date the obligation is due",
                             *text));
    return std::nullopt;
  }
  return d;
}

// A key that belongs to the other kind of obligation.
void other_kind(const yaml::Reader& reader, const yaml::MapEntry* key, std::string_view id,
                std::string_view belongs_to) {
  if (key == nullptr) return;
  reader.error(key->key_at, code::key_of_other_kind,
               fmt::format("'{}' of obligation '{}' belongs to {}", key->key, id, belongs_to));
}

void read_periodic(const yaml::Reader& reader, const yaml::MapReader& map,
                   const yaml::MapEntry& every, ObligationSource& o) {
  o.rule.kind = Obligation::Kind::periodic;
  const auto period = read_period(reader, every.value);
  if (period) o.rule.every = *period;
  if (const auto* anchor = map.find("anchor"))
    if (auto a = reader.choice<ObligationAnchor>(anchor->value, "'anchor'")) o.rule.anchor = *a;
  if (period && period->kind == ObligationPeriod::Kind::duration &&
      o.rule.anchor == ObligationAnchor::calendar)
    reader.error(every.value.at, code::duration_on_calendar,
                 fmt::format("obligation '{}' repeats every {}, a duration: such periods are "
                             "counted from the contract's start, so write 'anchor: contract' "
                             "(calendar periods are month, quarter, half_year and year)",
                             o.rule.id, period->to_string()));
  other_kind(reader, map.find("lead"), o.rule.id,
             "an obligation due before a date ('before'), not to one that repeats ('every')");
}

void read_dated(const yaml::Reader& reader, const yaml::MapReader& map,
                const yaml::MapEntry& before, ObligationSource& o) {
  o.rule.kind = Obligation::Kind::dated;
  if (auto c = read_condition(reader, before.value, "'before'", ConditionUse::obligation))
    o.rule.before = c->name;
  if (const auto* lead = map.find("lead"))
    if (auto d = read_lead(reader, lead->value)) o.rule.lead = *d;
  other_kind(reader, map.find("anchor"), o.rule.id,
             "an obligation that repeats ('every'), not to one due before a date ('before')");
}

void read_obligation_keys(const yaml::Reader& reader, const yaml::MapReader& map,
                          ObligationSource& o) {
  const auto* every = map.find("every");
  const auto* before = map.find("before");
  if (every != nullptr && before != nullptr) {
    const bool every_first =
        every->key_at.line < before->key_at.line ||
        (every->key_at.line == before->key_at.line && every->key_at.column < before->key_at.column);
    const auto* first = every_first ? every : before;
    const auto* second = every_first ? before : every;
    reader.error(second->key_at, code::two_obligation_kinds,
                 fmt::format("obligation '{}' has both 'every' and 'before': it either repeats "
                             "per period or is due before the dates events name (make two "
                             "obligations)",
                             o.rule.id),
                 {{first->key_at, fmt::format("'{}' given here", first->key)}});
  } else if (every != nullptr) {
    read_periodic(reader, map, *every, o);
  } else if (before != nullptr) {
    read_dated(reader, map, *before, o);
  } else {
    reader.error(o.at, code::no_obligation_kind,
                 fmt::format("obligation '{}' needs 'every' (month, quarter, half_year, year or "
                             "a number of days like 90cd) or 'before' (an event type whose 'to' "
                             "names a date)",
                             o.rule.id));
  }
  if (const auto* met_by = map.require("met_by")) {
    if (met_by->value.is_list() && met_by->value.node.size() == 0)
      reader.error(met_by->value.at, code::empty_met_by,
                   fmt::format("'met_by' of obligation '{}' lists no event type: nothing could "
                               "ever meet it",
                               o.rule.id));
    o.rule.met_by = read_events(reader, *met_by, ConditionUse::obligation);
  }
  if (const auto* until = map.find("until"))
    o.rule.until = read_events(reader, *until, ConditionUse::obligation);
  if (const auto* calendar = map.find("calendar")) {
    if (auto id = reader.text(calendar->value, "'calendar'")) {
      o.rule.calendar = *id;
      o.calendar_at = calendar->value.at;
    }
  }
}

// An event type plays one part in an obligation: `before: key, met_by: key` would meet each
// occurrence with the event that opens it, `until` naming a `met_by` event would end the
// contract with its first inspection, `until` naming the `before` event would open nothing.
void check_event_parts(const yaml::Reader& reader, const yaml::MapReader& map,
                       const ObligationSource& o) {
  struct Part {
    std::string_view key;
    std::span<const std::string> events;
    std::string_view role;
  };
  const Part parts[] = {
      {"before", {&o.rule.before, o.rule.before.empty() ? 0u : 1u}, "opens an occurrence"},
      {"met_by", o.rule.met_by, "meets a period"},
      {"until", o.rule.until, "ends the contract"},
  };
  for (std::size_t j = 1; j < std::size(parts); ++j)
    for (std::size_t i = 0; i < j; ++i)
      for (const std::string& event : parts[j].events) {
        if (std::find(parts[i].events.begin(), parts[i].events.end(), event) ==
            parts[i].events.end())
          continue;
        reader.error(map.find(parts[j].key)->value.at, code::event_in_two_parts,
                     fmt::format("event type '{}' both {} ('{}') and {} ('{}') in obligation "
                                 "'{}': each event type may play one part",
                                 event, parts[i].role, parts[i].key, parts[j].role, parts[j].key,
                                 o.rule.id));
      }
}

}  // namespace

ObligationSource read_obligation(const yaml::Reader& reader, const yaml::MapEntry& entry) {
  ObligationSource o;
  o.rule.id = entry.key;
  o.at = entry.key_at;
  const std::size_t errors_before = reader.diagnostics().error_count();
  if (const auto map = yaml::read_keyed_map(
          reader, entry, fmt::format("obligation '{}'", entry.key), kObligationKeys)) {
    read_obligation_keys(reader, *map, o);
    check_event_parts(reader, *map, o);
  }
  o.broken = reader.diagnostics().error_count() != errors_before;
  return o;
}

}  // namespace sla::rules
