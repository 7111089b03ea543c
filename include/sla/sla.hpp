// sla/sla.hpp — everything at once.
#pragma once

#include "sla/calendar.hpp"
#include "sla/calendar_definition.hpp"
#include "sla/diagnostic.hpp"
#include "sla/duration_spec.hpp"
#include "sla/error.hpp"
#include "sla/escalation.hpp"
#include "sla/goal.hpp"
#include "sla/iso8601.hpp"
#include "sla/policy.hpp"
#include "sla/role.hpp"
#include "sla/rule_set.hpp"
#include "sla/severity.hpp"
#include "sla/time.hpp"
#include "sla/target_rule.hpp"
#include "sla/time_zone.hpp"
#include "sla/version.hpp"
