// What the parts of sla._core share. The module speaks epoch seconds (int64) and NumPy
// datetime64[s] / timedelta64[s] buffers viewed as int64; the pure-Python façade (sla/__init__.py)
// turns them into aware datetimes. Time never goes through pybind11/chrono.h, which converts via
// the process's local time zone.
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include "sla/time.hpp"

namespace sla::python {

namespace py = pybind11;

/// NumPy's NaT in a datetime64 / timedelta64 buffer read as int64.
inline constexpr std::int64_t kNaT = std::numeric_limits<std::int64_t>::min();

inline Instant to_instant(std::int64_t epoch_seconds) { return Instant{Seconds{epoch_seconds}}; }
inline std::int64_t to_epoch(Instant t) { return t.time_since_epoch().count(); }

/// A 1-D int64 (or other) array that may be strided (a broadcast scalar has stride 0).
template <class T>
using Array = py::array_t<T, py::array::forcecast>;

/// Moves a vector into a NumPy array that owns it (no copy).
template <class T>
py::array_t<T> to_numpy(std::vector<T>&& values) {
  auto* owned = new std::vector<T>(std::move(values));
  py::capsule free_when_done(owned, [](void* p) { delete static_cast<std::vector<T>*>(p); });
  return py::array_t<T>({static_cast<py::ssize_t>(owned->size())}, {sizeof(T)}, owned->data(),
                        free_when_done);
}

void bind_calendar(py::module_& m);
void bind_rules(py::module_& m);
void bind_engine(py::module_& m);

}  // namespace sla::python
