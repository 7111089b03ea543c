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
    "SLA114";                                                    ///< warning: a no-op make-up day
inline constexpr std::string_view calendar_rejected = "SLA199";  ///< Calendar::compile refused

}  // namespace sla::code
