// sla advance: a date moved by N business days, numpy.busday_offset style (docs/semantics.md §2.1).

#include "command.hpp"
#include "common.hpp"
#include "emit.hpp"
#include "sla/iso8601.hpp"

namespace sla::cli {

int run_advance(const ParsedArgs& args, Io& io) {
  const Date date = parse_date_value("date", args.required("date"));
  const int days = parse_int_value("days", args.required("days"));
  const auto convention_text = args.get("convention");
  const RollConvention convention = convention_text
                                        ? parse_convention_value("convention", *convention_text)
                                        : RollConvention::following;

  const CalendarContext ctx = load_calendar(args, io);
  const Date result = ctx.calendar->advance(date, days, convention);

  return emit(args, io, format_date(result) + '\n',
              {{"calendar", ctx.calendar->id()},
               {"date", format_date(date)},
               {"days", days},
               {"convention", convention_name(convention)},
               {"result", format_date(result)}});
}

}  // namespace sla::cli
