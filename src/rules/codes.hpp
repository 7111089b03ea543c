// rules/codes.hpp — the stable diagnostic codes of the rules (SLA010 and up).
//
// SLA001–SLA009 belong to the reading layer (yaml/codes.hpp). SLA01x are about files as a
// whole, SLA1xx about calendars; roles, severities and policies take SLA2xx and up. Codes never
// change meaning once released. rules/README.md lists every code with an example message.
#pragma once

#include <string_view>

namespace sla::code {

// Files
inline constexpr std::string_view unsupported_version = "SLA010";
inline constexpr std::string_view include_missing = "SLA011";
inline constexpr std::string_view include_cycle = "SLA012";

// Calendars
inline constexpr std::string_view duplicate_calendar = "SLA100";
inline constexpr std::string_view bad_window = "SLA101";  ///< "25:00", "9-17"
inline constexpr std::string_view overlapping_windows = "SLA102";
inline constexpr std::string_view touching_windows = "SLA103";
inline constexpr std::string_view unknown_time_zone = "SLA104";
inline constexpr std::string_view bad_date = "SLA105";       ///< "2026-02-30", "Jan 1"
inline constexpr std::string_view bad_weekday = "SLA106";    ///< "monday", "fri-mon"
inline constexpr std::string_view weekday_twice = "SLA107";  ///< fri in "mon-fri" and "fri"
inline constexpr std::string_view bad_holiday = "SLA108";    ///< neither date, range nor yearly
inline constexpr std::string_view holiday_out_of_range = "SLA109";  ///< month 13, nth 6, ...
inline constexpr std::string_view never_opens = "SLA110";
inline constexpr std::string_view unknown_parent = "SLA111";  ///< extends: an unknown id
inline constexpr std::string_view extends_cycle = "SLA112";
inline constexpr std::string_view date_twice = "SLA113";  ///< a make-up day listed twice
inline constexpr std::string_view workday_already_open =
    "SLA114";  ///< warning: a no-op make-up day
inline constexpr std::string_view outside_covers =
    "SLA115";  ///< a dated holiday, make-up day or override outside `covers`
inline constexpr std::string_view covers_backwards = "SLA116";  ///< covers: to < from
inline constexpr std::string_view beyond_without_covers =
    "SLA117";  ///< warning: `beyond` on a calendar with no `covers`, inherited or its own
inline constexpr std::string_view calendar_rejected = "SLA199";  ///< Calendar::compile refused

// Roles (the escalation ladder)
inline constexpr std::string_view duplicate_role = "SLA200";  ///< a role id in two files
inline constexpr std::string_view unknown_role = "SLA201";    ///< escalates_to, notify

// Severities
inline constexpr std::string_view duplicate_severity = "SLA210";  ///< an id or alias twice
inline constexpr std::string_view severities_twice = "SLA211";    ///< a second `severities` list
inline constexpr std::string_view no_severities = "SLA212";       ///< policies but no severities
inline constexpr std::string_view unknown_severity = "SLA213";    ///< set_severity: an unknown id

// Policies and tiers
inline constexpr std::string_view duplicate_policy = "SLA220";
inline constexpr std::string_view unknown_calendar = "SLA221";      ///< a tier's or a clock's
inline constexpr std::string_view no_tiers = "SLA222";              ///< `tiers: {}`
inline constexpr std::string_view unknown_warning_code = "SLA223";  ///< in ignore_warnings

// Targets and conditions
inline constexpr std::string_view bad_condition = "SLA230";         ///< "met(", "two words"
inline constexpr std::string_view unknown_target = "SLA231";        ///< met(x) / breached(x)
inline constexpr std::string_view pause_without_resume = "SLA232";  ///< or resume without pause
inline constexpr std::string_view no_stop = "SLA233";               ///< `stop: []`
/// An event type the engine keeps for itself where it can never act: `stop: severity` (a
/// severity event changes the severity, nothing else), `on: created` (creation is no event).
inline constexpr std::string_view reserved_event = "SLA234";

// Goals
inline constexpr std::string_view bad_duration = "SLA240";       ///< "2d"; a goal of "-1h" or "0m"
inline constexpr std::string_view empty_goal_list = "SLA241";    ///< `goal: []`
inline constexpr std::string_view unknown_goal_key = "SLA242";   ///< neither tier nor severity
inline constexpr std::string_view mixed_goal_keys = "SLA243";    ///< tiers and severities mixed
inline constexpr std::string_view missing_goal_cell = "SLA244";  ///< a (tier, severity) uncovered
inline constexpr std::string_view goal_key_twice = "SLA245";     ///< sev1 and its alias P1
inline constexpr std::string_view mixed_periodic_goal = "SLA246";  ///< lists and single values

// Escalations
inline constexpr std::string_view missing_trigger = "SLA250";
inline constexpr std::string_view two_triggers = "SLA251";
inline constexpr std::string_view no_action = "SLA252";
inline constexpr std::string_view bad_percentage = "SLA253";  ///< "50", "-5%", "half"
inline constexpr std::string_view bad_step_count = "SLA254";  ///< escalate: 0, raise_severity: x
inline constexpr std::string_view bad_trigger = "SLA255";     ///< at_breach: false, after: -1h

// Cycles and the ladder
inline constexpr std::string_view role_cycle = "SLA260";
inline constexpr std::string_view start_cycle = "SLA261";  ///< targets starting on each other
inline constexpr std::string_view nowhere_to_escalate = "SLA262";  ///< escalate, flat ladder

// Obligations (per contract: inspections per quarter, before key dates)
inline constexpr std::string_view no_obligation_kind = "SLA270";    ///< neither every nor before
inline constexpr std::string_view two_obligation_kinds = "SLA271";  ///< both every and before
inline constexpr std::string_view bad_period = "SLA272";  ///< every: weekly; lead: eobd, -1cd
inline constexpr std::string_view duration_on_calendar = "SLA273";  ///< every: 90cd, no contract
inline constexpr std::string_view empty_met_by = "SLA274";          ///< met_by: []
inline constexpr std::string_view obligation_is_target = "SLA275";  ///< an id of both kinds
inline constexpr std::string_view key_of_other_kind = "SLA276";     ///< lead with every, ...
inline constexpr std::string_view event_in_two_parts = "SLA277";    ///< before: k, met_by: k

// Warnings: valid rules that are probably not meant. A policy or a target may silence them
// with `ignore_warnings: [SLA3xx]`.
inline constexpr std::string_view severity_not_monotone = "SLA300";
inline constexpr std::string_view tier_not_monotone = "SLA301";
inline constexpr std::string_view targets_out_of_order = "SLA302";  ///< response > resolution
inline constexpr std::string_view trigger_before_start = "SLA303";  ///< before_breach >= goal
inline constexpr std::string_view duplicate_trigger = "SLA304";
inline constexpr std::string_view escalate_past_ladder = "SLA305";  ///< escalate: 5, 3 rungs
inline constexpr std::string_view no_effect_on_due_of = "SLA306";   ///< optional on a due(x)

/// The codes `ignore_warnings` may name.
inline constexpr std::string_view kPolicyWarnings[] = {
    severity_not_monotone, tier_not_monotone,    targets_out_of_order, trigger_before_start,
    duplicate_trigger,     escalate_past_ladder, no_effect_on_due_of};

}  // namespace sla::code
