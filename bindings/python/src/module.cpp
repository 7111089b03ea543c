// sla._core: the compiled half of the `sla` Python package. Thin on purpose: names match the
// C++ API, times are epoch seconds, and anything that is simpler in Python (aware datetimes,
// pandas, exception classes with fields) lives in the façade, bindings/python/sla.
#include "bindings.hpp"
#include "sla/error.hpp"
#include "sla/version.hpp"

PYBIND11_MODULE(_core, m) {
  namespace py = pybind11;
  m.doc() = "Compiled core of the sla package; use the `sla` module, not this one.";
  m.attr("__version__") = SLA_VERSION_STRING;

  // API input that cannot be given a meaning (a bad zone, duration, time, an instant outside
  // 1900-2399) is a ValueError whose message names the value, as sla::Error does in C++.
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const sla::Error& e) {
      PyErr_SetString(PyExc_ValueError, e.what());
    }
  });

  sla::python::bind_calendar(m);
  sla::python::bind_rules(m);
  sla::python::bind_engine(m);
}
