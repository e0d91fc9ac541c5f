/** What the loop-locality rules allow: {@code LoopLocalityRulesTests} checks that every rule passes these. */
package dev.oponn.architecture.allowed;
