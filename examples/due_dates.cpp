// examples/due_dates.cpp — load the bundled calendars and compute a fault's deadlines.
//
//   example_due_dates rules/calendars/cn-2026.yaml
//
// A fault is reported on Wednesday 2026-09-30 at 16:00 Beijing time, two business hours before
// the office closes for the National Day week (10-01 … 10-07; Saturday 10-10 is a make-up
// working day). The program prints each deadline and exits 1 if any differs from what the
// agreement means, so it doubles as a test.
#include <sla/sla.hpp>

#include <cstdio>
#include <string>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s rules/calendars/cn-2026.yaml\n", argv[0]);
    return 2;
  }
  const sla::LoadResult loaded = sla::load_rules({argv[1]});
  for (const auto& d : loaded.diagnostics) std::fputs(d.to_string().c_str(), stderr);
  if (!loaded.ok()) return 2;

  const sla::Calendar& office = loaded.rules->calendar("cn-office");
  const sla::TimeZone& zone = office.time_zone();
  const sla::Instant created = sla::parse_instant("2026-09-30T16:00:00+08:00", zone);

  struct Target {
    const char* name;
    const char* goal;
    const char* expected;
  };
  const Target targets[] = {
      {"response", "30m", "2026-09-30T16:30:00+08:00"},
      // 2 h left on Sep 30, the office reopens Oct 8 at 09:00: 2 more hours.
      {"remote fix", "4h", "2026-10-08T11:00:00+08:00"},
      {"on site", "bd+1@10:00", "2026-10-08T10:00:00+08:00"},
      {"resolution", "2bd", "2026-10-09T16:00:00+08:00"},
      {"report", "eobd+3", "2026-10-10T18:00:00+08:00"},  // Sat 10-10 is a make-up workday
  };
  int wrong = 0;
  for (const Target& t : targets) {
    const sla::Instant due = office.add(created, sla::parse_duration(t.goal));
    const std::string text = sla::format_instant(due, zone);
    std::printf("%-11s %-11s due %s\n", t.name, t.goal, text.c_str());
    if (text != t.expected) {
      std::fprintf(stderr, "  expected %s\n", t.expected);
      ++wrong;
    }
  }
  return wrong == 0 ? 0 : 1;
}
