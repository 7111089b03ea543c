// engine/evaluation_limit.hpp — a bound on the work of one evaluation (sla/engine.hpp lists
// them: change_limit, period_limit). Crossing one fails the evaluation as a whole: it reports
// the error with `code` and nothing else, no targets, levels, periods or next_wakeup.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace sla::engine {

class EvaluationLimit : public std::runtime_error {
 public:
  /// `code` is a string literal: "change_limit", "period_limit".
  EvaluationLimit(std::string_view code, const std::string& message)
      : std::runtime_error(message), code_(code) {}

  std::string_view code() const { return code_; }

 private:
  std::string_view code_;
};

}  // namespace sla::engine
