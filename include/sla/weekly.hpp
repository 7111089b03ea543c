// sla/weekly.hpp — one value per weekday, indexed by std::chrono::weekday.
//
// A calendar's weekly template is seven lists of windows. Indexed by a number, it leaves open
// whether 0 is Sunday (std::chrono::weekday::c_encoding) or Monday, and whether Sunday is 0 or 7
// (iso_encoding): Weekly<T> is indexed by the weekday itself, so that question cannot come up.
//
//   sla::Weekly<sla::DayWindows> hours;
//   hours[std::chrono::Monday] = {sla::LocalWindow::from_clock(9h, 17h)};
//   for (std::chrono::weekday d : sla::Weekly<int>::days) ...   // Monday to Sunday
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <string>

#include "sla/error.hpp"

namespace sla {

template <class T>
class Weekly {
 public:
  /// Monday to Sunday, the order a week is written in ("mon-fri") and the order of iteration.
  static constexpr std::array<std::chrono::weekday, 7> days = {
      std::chrono::Monday, std::chrono::Tuesday,  std::chrono::Wednesday, std::chrono::Thursday,
      std::chrono::Friday, std::chrono::Saturday, std::chrono::Sunday};

  /// The value of `day`. Throws sla::Error for a weekday that is not ok() (weekday{9}).
  T& operator[](std::chrono::weekday day) { return values_[index(day)]; }
  const T& operator[](std::chrono::weekday day) const { return values_[index(day)]; }

  /// Every day's value, Monday to Sunday (for loops that treat all days alike).
  auto begin() { return values_.begin(); }
  auto end() { return values_.end(); }
  auto begin() const { return values_.begin(); }
  auto end() const { return values_.end(); }

  friend bool operator==(const Weekly&, const Weekly&) = default;

 private:
  static std::size_t index(std::chrono::weekday day) {
    if (!day.ok()) throw Error("weekday " + std::to_string(day.c_encoding()) + " is not a weekday");
    return day.iso_encoding() - 1;  // Monday = 0 … Sunday = 6
  }

  std::array<T, 7> values_{};
};

}  // namespace sla
