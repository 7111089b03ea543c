// sla._core.Calendar: sla::Calendar over epoch seconds, one value or a whole array at a time.
//
// Batch functions (add_many_*, between_many) take 1-D int64 buffers — datetime64[s] and
// timedelta64[s] arrays viewed as int64, possibly strided (a broadcast scalar has stride 0) —
// and loop in C++ with the GIL released. NaT (INT64_MIN) in any input gives NaT out. An element
// the calendar cannot compute (an instant outside the supported years 1900–2399) raises
// ValueError naming its index; nothing is silently replaced.
#include <pybind11/stl.h>

#include <algorithm>
#include <chrono>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "bindings.hpp"
#include "sla/calendar.hpp"
#include "sla/duration_spec.hpp"
#include "sla/error.hpp"
#include "sla/suggest.hpp"
#include "sla/words.hpp"

namespace sla::python {
namespace {

// A word of one of the model's enums (sla/words.hpp), or sla::Error listing the words.
template <class Enum>
Enum word_or_throw(const char* what, std::string_view text) {
  if (const auto value = parse<Enum>(text)) return *value;
  const std::vector<std::string_view> all = words<Enum>();
  std::string message = std::string(what) + " must be one of";
  for (std::size_t k = 0; k < all.size(); ++k)
    message += (k == 0 ? " '" : ", '") + std::string(all[k]) + "'";
  message += "; not '" + std::string(text) + "'";
  if (const auto guess = closest_match(text, all)) message += " (did you mean '" + *guess + "'?)";
  throw Error(message);
}

Landing landing_from(std::string_view text) { return word_or_throw<Landing>("landing", text); }

RollConvention convention_from(std::string_view text) {
  return word_or_throw<RollConvention>("convention", text);
}

// Dates cross the boundary as days since 1970-01-01 (numpy's datetime64[D]).
Date to_date(std::int64_t days) { return Date{std::chrono::sys_days{std::chrono::days{days}}}; }
std::int64_t to_days(Date date) { return std::chrono::sys_days{date}.time_since_epoch().count(); }

void check_same_length(py::ssize_t a, py::ssize_t b, const char* what) {
  if (a != b)
    throw py::value_error(std::string(what) + ": arrays of different lengths (" +
                          std::to_string(a) + " and " + std::to_string(b) + ")");
}

// Runs `compute(i)` for every element with the GIL released; an sla::Error is re-raised with
// the element's index so that one bad row in a million can be found.
template <class Compute>
void for_each_element(py::ssize_t n, Compute&& compute) {
  py::gil_scoped_release release;
  py::ssize_t i = 0;
  try {
    for (; i < n; ++i) compute(i);
  } catch (const Error& e) {
    throw Error("element " + std::to_string(i) + ": " + e.what());
  }
}

// Through Calendar's batch add, in chunks copied into Instant arrays (a datetime64[s] buffer is
// int64, and may be strided). NaT is INT64_MIN, which is also the batch's missing value.
py::array_t<std::int64_t> add_many_seconds(const Calendar& calendar,
                                           const Array<std::int64_t>& starts,
                                           const Array<std::int64_t>& seconds,
                                           std::string_view landing_text) {
  const Landing landing = landing_from(landing_text);
  const auto s = starts.unchecked<1>();
  const auto d = seconds.unchecked<1>();
  check_same_length(s.shape(0), d.shape(0), "add_many");
  py::array_t<std::int64_t> result(s.shape(0));
  auto out = result.mutable_unchecked<1>();
  constexpr py::ssize_t kChunk = 1024;
  std::vector<Instant> t(kChunk), u(kChunk);
  std::vector<Seconds> span(kChunk);
  py::gil_scoped_release release;
  for (py::ssize_t base = 0; base < s.shape(0); base += kChunk) {
    const py::ssize_t m = std::min(kChunk, s.shape(0) - base);
    for (py::ssize_t k = 0; k < m; ++k) {
      t[static_cast<std::size_t>(k)] = to_instant(s(base + k));
      span[static_cast<std::size_t>(k)] = Seconds{d(base + k)};
    }
    const auto n = static_cast<std::size_t>(m);
    try {
      calendar.add(std::span<const Instant>(t.data(), n), std::span<const Seconds>(span.data(), n),
                   std::span<Instant>(u.data(), n), landing);
    } catch (const Error& e) {
      const std::string what = e.what();  // "element k: ...", k within this chunk
      const std::size_t colon = what.find(':');
      const py::ssize_t k = std::stoll(what.substr(8, colon - 8));
      throw Error("element " + std::to_string(base + k) + what.substr(colon));
    }
    for (py::ssize_t k = 0; k < m; ++k) out(base + k) = to_epoch(u[static_cast<std::size_t>(k)]);
  }
  return result;
}

// Durations as text: each distinct text parsed once; codes[i] indexes `texts`, -1 is NaT.
py::array_t<std::int64_t> add_many_durations(const Calendar& calendar,
                                             const Array<std::int64_t>& starts,
                                             const Array<std::int32_t>& codes,
                                             const std::vector<std::string>& texts,
                                             std::string_view landing_text) {
  const Landing landing = landing_from(landing_text);
  std::vector<DurationSpec> specs;
  specs.reserve(texts.size());
  for (const std::string& text : texts) specs.push_back(parse_duration(text));
  const auto s = starts.unchecked<1>();
  const auto c = codes.unchecked<1>();
  check_same_length(s.shape(0), c.shape(0), "add_many");
  for (py::ssize_t i = 0; i < c.shape(0); ++i)
    if (c(i) < -1 || c(i) >= static_cast<std::int64_t>(specs.size()))
      throw py::value_error("add_many: duration code " + std::to_string(c(i)) + " at element " +
                            std::to_string(i) + " is out of range");
  py::array_t<std::int64_t> result(s.shape(0));
  auto out = result.mutable_unchecked<1>();
  for_each_element(s.shape(0), [&](py::ssize_t i) {
    const std::int64_t start = s(i);
    const std::int32_t code = c(i);
    out(i) = (start == kNaT || code < 0)
                 ? kNaT
                 : to_epoch(calendar.add(to_instant(start), specs[static_cast<std::size_t>(code)],
                                         landing));
  });
  return result;
}

py::array_t<std::int64_t> between_many(const Calendar& calendar, const Array<std::int64_t>& a,
                                       const Array<std::int64_t>& b) {
  const auto from = a.unchecked<1>();
  const auto to = b.unchecked<1>();
  check_same_length(from.shape(0), to.shape(0), "between_many");
  py::array_t<std::int64_t> result(from.shape(0));
  auto out = result.mutable_unchecked<1>();
  for_each_element(from.shape(0), [&](py::ssize_t i) {
    const std::int64_t x = from(i);
    const std::int64_t y = to(i);
    out(i) =
        (x == kNaT || y == kNaT) ? kNaT : calendar.between(to_instant(x), to_instant(y)).count();
  });
  return result;
}

}  // namespace

void bind_calendar(py::module_& m) {
  py::class_<Calendar>(m, "Calendar")
      .def_property_readonly("id", &Calendar::id)
      .def_property_readonly("time_zone", [](const Calendar& c) { return c.time_zone().name(); })
      .def("utc_offset", [](const Calendar& c,
                            std::int64_t t) { return c.time_zone().offset(to_instant(t)).count(); })
      .def("is_open", [](const Calendar& c, std::int64_t t) { return c.is_open(to_instant(t)); })
      .def("roll_forward", [](const Calendar& c,
                              std::int64_t t) { return to_epoch(c.roll_forward(to_instant(t))); })
      .def("roll_backward", [](const Calendar& c,
                               std::int64_t t) { return to_epoch(c.roll_backward(to_instant(t))); })
      .def("add_seconds",
           [](const Calendar& c, std::int64_t t, std::int64_t seconds, std::string_view landing) {
             return to_epoch(c.add(to_instant(t), Seconds{seconds}, landing_from(landing)));
           })
      .def("add_duration",
           [](const Calendar& c, std::int64_t t, std::string_view text, std::string_view landing) {
             return to_epoch(c.add(to_instant(t), parse_duration(text), landing_from(landing)));
           })
      .def("between",
           [](const Calendar& c, std::int64_t a, std::int64_t b) {
             return c.between(to_instant(a), to_instant(b)).count();
           })
      .def("windows",
           [](const Calendar& c, std::int64_t from, std::int64_t to) {
             std::vector<std::tuple<std::int64_t, std::int64_t, std::int64_t>> result;
             for (const OpenWindow& w : c.windows(to_instant(from), to_instant(to)))
               result.emplace_back(to_days(w.day), to_epoch(w.open), to_epoch(w.close));
             return result;
           })
      .def("is_business_day",
           [](const Calendar& c, std::int64_t days) { return c.is_business_day(to_date(days)); })
      .def("advance",
           [](const Calendar& c, std::int64_t days, int n, std::string_view convention) {
             return to_days(c.advance(to_date(days), n, convention_from(convention)));
           })
      .def("add_many_seconds", &add_many_seconds)
      .def("add_many_durations", &add_many_durations)
      .def("between_many", &between_many);
}

}  // namespace sla::python
