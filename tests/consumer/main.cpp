// Uses only the installed public headers; exits non-zero when the answer is wrong.
#include <sla/sla.hpp>

#include <cstdio>
#include <string>

int main() {
  using namespace std::chrono;
  sla::CalendarDefinition def;
  def.id = "office";
  def.time_zone = "Asia/Shanghai";
  for (const weekday d : {Monday, Tuesday, Wednesday, Thursday, Friday})
    def.weekly[d] = {sla::LocalWindow::from_clock(hours{9}, hours{17})};
  const sla::Calendar cal = sla::Calendar::compile(def);
  // Friday 16:00 + 2 business hours = Monday 10:00.
  const auto due = cal.add(sla::parse_instant("2026-11-20T16:00:00", cal.time_zone()), hours{2});
  const std::string text = sla::format_instant(due, cal.time_zone());
  std::printf("%s\n", text.c_str());
  if (text != "2026-11-23T10:00:00+08:00") return 1;

  // The generated version header is installed and agrees with the package version.
  const std::string version = std::to_string(SLA_VERSION_MAJOR) + "." +
                              std::to_string(SLA_VERSION_MINOR) + "." +
                              std::to_string(SLA_VERSION_PATCH);
  std::printf("sla %s (package %s)\n", SLA_VERSION_STRING, EXPECTED_SLA_VERSION);
  return version == SLA_VERSION_STRING && version == EXPECTED_SLA_VERSION ? 0 : 1;
}
