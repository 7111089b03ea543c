// The thread's innermost BeyondCoverageLog (sla/beyond_coverage.hpp).
#include "sla/beyond_coverage.hpp"

#include <fmt/format.h>

#include "sla/iso8601.hpp"

namespace sla {
namespace {

thread_local BeyondCoverageLog* innermost = nullptr;

}  // namespace

std::string BeyondCoverageUse::message() const {
  return fmt::format(
      "calendar '{}' knows its holidays for {}..{} only; {} is outside (add the {} holidays and "
      "extend 'covers')",
      calendar, format_date(covers.from), format_date(covers.to), format_date(date),
      static_cast<int>(date.year()));
}

std::string BeyondCoverageUse::warning() const {
  return message() + "; computed from the weekly hours and the yearly rules alone";
}

BeyondCoverageLog::BeyondCoverageLog() : outer_(innermost) { innermost = this; }

BeyondCoverageLog::~BeyondCoverageLog() { innermost = outer_; }

void BeyondCoverageLog::record(std::string_view calendar, const DateRange& covers, Date date,
                               std::shared_ptr<const void> owner) {
  BeyondCoverageLog* log = innermost;
  if (log == nullptr) return;
  for (std::size_t i = 0; i < log->count_; ++i)
    if (log->uses_[i].calendar == calendar) return;
  if (log->count_ == kCapacity) {
    ++log->dropped_;
    return;
  }
  log->uses_[log->count_++] = {calendar, covers, date, std::move(owner)};
}

}  // namespace sla
