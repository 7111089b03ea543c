// tests/test_words.cpp — the words of the model's enums (sla/words.hpp) and the weekday-indexed
// week (sla/weekly.hpp).
#include <catch2/catch_test_macros.hpp>

#include <chrono>
#include <string>
#include <vector>

#include "sla/error.hpp"
#include "sla/weekly.hpp"
#include "sla/words.hpp"

namespace {

using namespace std::chrono;

// Every enumerator 0..count-1 has a word, every word reads back as its enumerator, and no word is
// given twice.
template <class Enum>
void round_trips(std::size_t count) {
  const std::vector<std::string_view> all = sla::words<Enum>();
  CHECK(all.size() == count);
  for (std::size_t i = 0; i < count; ++i) {
    const auto value = static_cast<Enum>(i);
    const std::string_view word = sla::to_string(value);
    INFO(i << " -> '" << word << "'");
    CHECK_FALSE(word.empty());
    CHECK(sla::parse<Enum>(word) == value);
    CHECK(all[i] == word);
  }
  for (std::size_t i = 0; i < all.size(); ++i)
    for (std::size_t j = i + 1; j < all.size(); ++j) CHECK(all[i] != all[j]);
}

}  // namespace

TEST_CASE("every enum with words reads back what to_string writes", "[words]") {
  round_trips<sla::Landing>(2);
  round_trips<sla::RollConvention>(5);
  round_trips<sla::DayKind>(4);
  round_trips<sla::Observance>(4);
  round_trips<sla::Diagnostic::Severity>(2);
  round_trips<sla::Clock::Kind>(3);
  round_trips<sla::EscalationTrigger::Kind>(6);
  round_trips<sla::EscalationAction::Kind>(5);
  round_trips<sla::Condition::Kind>(3);
  round_trips<sla::OnSeverityChange>(2);
  round_trips<sla::Goal::Shape>(5);
}

TEST_CASE("the words are those of the rules format and the CLI", "[words]") {
  CHECK(sla::to_string(sla::Landing::next_open) == "next_open");
  CHECK(sla::to_string(sla::RollConvention::modified_following) == "modified_following");
  CHECK(sla::to_string(sla::DayKind::override_hours) == "override");
  CHECK(sla::to_string(sla::Observance::sunday_to_monday) == "sunday_to_monday");
  CHECK(sla::to_string(sla::Diagnostic::Severity::warning) == "warning");
  CHECK(sla::to_string(sla::EscalationTrigger::Kind::at_percent) == "at");
  CHECK(sla::to_string(sla::EscalationAction::Kind::raise_severity) == "raise_severity");
  CHECK(sla::to_string(sla::Condition::Kind::breached) == "breached");
  CHECK(sla::to_string(sla::Goal::Shape::by_tier_and_severity) == "by_tier_and_severity");
  CHECK(sla::words<sla::Observance>() == std::vector<std::string_view>{"none", "nearest_weekday",
                                                                       "sunday_to_monday",
                                                                       "next_weekday"});
}

TEST_CASE("parse takes exact words only", "[words]") {
  CHECK(sla::parse<sla::Landing>("close") == sla::Landing::close);
  CHECK_FALSE(sla::parse<sla::Landing>("Close"));
  CHECK_FALSE(sla::parse<sla::Landing>("close "));
  CHECK_FALSE(sla::parse<sla::Landing>(""));
  CHECK_FALSE(sla::parse<sla::OnSeverityChange>("recomputed"));
  CHECK(sla::to_string(static_cast<sla::Landing>(7)).empty());
}

TEST_CASE("weekdays are the keys of hours, Monday to Sunday", "[words]") {
  CHECK(sla::words<weekday>() ==
        std::vector<std::string_view>{"mon", "tue", "wed", "thu", "fri", "sat", "sun"});
  CHECK(sla::parse<weekday>("sun") == Sunday);
  CHECK(sla::parse<weekday>("mon") == Monday);
  CHECK(sla::to_string(Saturday) == "sat");
  CHECK_FALSE(sla::parse<weekday>("monday"));
}

TEST_CASE("a Weekly is indexed by the weekday itself and iterates Monday to Sunday", "[weekly]") {
  sla::Weekly<int> week;
  int n = 1;
  for (const weekday d : sla::Weekly<int>::days) week[d] = n++;
  CHECK(week[Monday] == 1);
  CHECK(week[Saturday] == 6);
  CHECK(week[Sunday] == 7);
  CHECK(week[weekday{7}] == 7);  // 7 is Sunday too (weekday's ISO spelling)
  std::vector<int> order(week.begin(), week.end());
  CHECK(order == std::vector<int>{1, 2, 3, 4, 5, 6, 7});
  sla::Weekly<int> copy = week;
  CHECK(copy == week);
  copy[Sunday] = 0;
  CHECK_FALSE(copy == week);
  CHECK_THROWS_AS(week[weekday{9}], sla::Error);
}
