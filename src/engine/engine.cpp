// The public face of the engine (sla/engine.hpp): a shared, immutable Plan.
#include "sla/engine.hpp"

#include "engine/evaluator.hpp"
#include "engine/plan.hpp"

namespace sla {

struct Engine::Impl : engine::Plan {
  using engine::Plan::Plan;
};

Engine::Engine(RuleSet rules) : impl_(std::make_shared<const Impl>(std::move(rules))) {}

const RuleSet& Engine::rules() const { return impl_->rules; }

Evaluation Engine::evaluate(const Ticket& ticket, Instant now) const {
  Evaluation result;
  evaluate(ticket, now, result);
  return result;
}

void Engine::evaluate(const Ticket& ticket, Instant now, Evaluation& result) const {
  engine::evaluate(*impl_, ticket, now, result);
}

Schedule Engine::due(std::string_view policy, std::string_view tier, std::string_view severity,
                     Instant created) const {
  Schedule result;
  engine::schedule(*impl_, policy, tier, severity, created, result);
  return result;
}

}  // namespace sla
