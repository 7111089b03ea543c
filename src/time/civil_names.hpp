// time/civil_names.hpp — English names of weekdays and months, for messages.
//
// The words a rules file *writes* for weekdays ("mon") are the public vocabulary of
// sla/words.hpp; these are the names messages *show* ("a Saturday", "there is no February 30").
#pragma once

#include <array>
#include <chrono>
#include <string_view>

namespace sla::detail {

/// "Monday" … "Sunday"; empty for a weekday that is not ok().
constexpr std::string_view weekday_name(std::chrono::weekday day) {
  constexpr std::array<std::string_view, 7> kNames = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                      "Thursday", "Friday", "Saturday"};
  return day.ok() ? kNames[day.c_encoding()] : std::string_view{};
}

/// "January" … "December"; empty for a month that is not ok().
constexpr std::string_view month_name(std::chrono::month month) {
  constexpr std::array<std::string_view, 12> kNames = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  return month.ok() ? kNames[static_cast<unsigned>(month) - 1] : std::string_view{};
}

}  // namespace sla::detail
