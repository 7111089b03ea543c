#include "calendar/day_rules.hpp"

#include <algorithm>
#include <boost/date_time/gregorian/gregorian.hpp>

namespace sla::detail {
namespace {

namespace greg = boost::gregorian;

SysDays to_sys_days(const greg::date& d) {
  return SysDays{Date{std::chrono::year{static_cast<int>(d.year())},
                      std::chrono::month{static_cast<unsigned>(d.month())},
                      std::chrono::day{static_cast<unsigned>(d.day())}}};
}

// The date a yearly rule gives in `year`, before the observance shift; nullopt when the rule
// has no date that year (Feb 29 in a common year, a 5th weekday that does not exist).
std::optional<SysDays> yearly_date(const HolidayRule& rule, int year) {
  if (rule.kind == HolidayRule::Kind::yearly_fixed) {
    const Date d{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(rule.month)},
                 std::chrono::day{static_cast<unsigned>(rule.day)}};
    if (!d.ok()) return std::nullopt;
    return to_sys_days(greg::partial_date(static_cast<unsigned short>(rule.day),
                                          static_cast<unsigned short>(rule.month))
                           .get_date(static_cast<unsigned short>(year)));
  }
  const auto month = static_cast<unsigned short>(rule.month);
  const auto weekday = static_cast<unsigned short>(rule.weekday.c_encoding());  // 0 = Sunday
  if (rule.nth == -1) {
    return to_sys_days(greg::last_day_of_the_week_in_month(weekday, month)
                           .get_date(static_cast<unsigned short>(year)));
  }
  const auto which = static_cast<greg::nth_day_of_the_week_in_month::week_num>(rule.nth);
  const greg::date d = greg::nth_day_of_the_week_in_month(which, weekday, month)
                           .get_date(static_cast<unsigned short>(year));
  // Boost answers "the 5th Monday" with the last one when there is no 5th: reject that.
  if (rule.nth == 5 && d.day() < 29) return std::nullopt;
  if (static_cast<int>(d.month()) != rule.month) return std::nullopt;
  return to_sys_days(d);
}

SysDays observe(SysDays date, Observance observed) {
  using std::chrono::days;
  const std::chrono::weekday wd{date};
  const bool saturday = wd == std::chrono::Saturday, sunday = wd == std::chrono::Sunday;
  switch (observed) {
    case Observance::none:
      return date;
    case Observance::nearest_weekday:
      return saturday ? date - days{1} : sunday ? date + days{1} : date;
    case Observance::sunday_to_monday:
      return sunday ? date + days{1} : date;
    case Observance::next_weekday:
      return saturday ? date + days{2} : sunday ? date + days{1} : date;
  }
  return date;
}

template <class Dated>
std::vector<std::pair<SysDays, DayWindows>> index_by_date(const std::vector<Dated>& items,
                                                          const DayWindows& fallback) {
  // Later entries for the same date win: stable sort, then keep the last of each run.
  std::vector<std::pair<SysDays, DayWindows>> out;
  for (const auto& item : items) {
    if constexpr (std::is_same_v<Dated, MakeUpDay>)
      out.emplace_back(SysDays{item.date}, item.hours ? *item.hours : fallback);
    else
      out.emplace_back(SysDays{item.date}, item.hours);
  }
  std::stable_sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.first < b.first; });
  std::vector<std::pair<SysDays, DayWindows>> unique;
  for (auto& entry : out) {
    if (!unique.empty() && unique.back().first == entry.first)
      unique.back() = std::move(entry);
    else
      unique.push_back(std::move(entry));
  }
  return unique;
}

const DayWindows* find_dated(const std::vector<std::pair<SysDays, DayWindows>>& index, SysDays d) {
  auto it = std::lower_bound(index.begin(), index.end(), d,
                             [](const auto& entry, SysDays key) { return entry.first < key; });
  return it != index.end() && it->first == d ? &it->second : nullptr;
}

}  // namespace

DayRules::DayRules(const CalendarDefinition& def) : weekly_(def.weekly), rules_(def.holidays) {
  const auto by_open = [](const LocalWindow& a, const LocalWindow& b) { return a.open < b.open; };
  for (DayWindows& day : weekly_) std::sort(day.begin(), day.end(), by_open);
  if (def.workday_hours) {
    workday_hours_ = *def.workday_hours;
  } else {
    for (const DayWindows& candidate : weekly_) {  // Monday, or the first later weekday with hours
      if (!candidate.empty()) {
        workday_hours_ = candidate;
        break;
      }
    }
  }
  workdays_ = index_by_date(def.workdays, workday_hours_);
  overrides_ = index_by_date(def.overrides, closed_);
  for (auto& entry : workdays_) std::sort(entry.second.begin(), entry.second.end(), by_open);
  for (auto& entry : overrides_) std::sort(entry.second.begin(), entry.second.end(), by_open);
}

std::vector<HolidayDate> DayRules::holidays_between(SysDays first, SysDays last) const {
  std::vector<HolidayDate> out;
  const int first_year = static_cast<int>(Date{first}.year());
  const int last_year = static_cast<int>(Date{last}.year());
  for (const auto& rule : rules_) {
    if (rule.kind == HolidayRule::Kind::dates) {
      const SysDays lo = std::max(first, SysDays{rule.first});
      const SysDays hi = std::min(last, SysDays{rule.last});
      for (SysDays d = lo; d <= hi; d += std::chrono::days{1}) out.push_back({d, &rule.name});
      continue;
    }
    // An observed date moves at most two days, so the neighbouring years can reach the range.
    for (int y = first_year - 1; y <= last_year + 1; ++y) {
      if (y < 1400 || y > 9999) continue;  // Boost.date_time's range
      if ((rule.since_year && y < *rule.since_year) || (rule.until_year && y > *rule.until_year))
        continue;
      const auto date = yearly_date(rule, y);
      if (!date) continue;
      const SysDays observed = observe(*date, rule.observed);
      if (observed >= first && observed <= last) out.push_back({observed, &rule.name});
    }
  }
  std::stable_sort(out.begin(), out.end());
  return out;
}

DayResolution DayRules::resolve(SysDays date, const std::vector<HolidayDate>& holidays) const {
  if (const DayWindows* w = find_dated(overrides_, date))
    return {DayKind::override_hours, nullptr, w};
  if (const DayWindows* w = find_dated(workdays_, date))
    return {DayKind::make_up_workday, nullptr, w};
  auto it = std::lower_bound(holidays.begin(), holidays.end(), HolidayDate{date, nullptr});
  if (it != holidays.end() && it->date == date) return {DayKind::holiday, it->name, &closed_};
  return {DayKind::weekly, nullptr, &weekly_[std::chrono::weekday{date}]};
}

}  // namespace sla::detail
