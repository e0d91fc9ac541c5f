/**
 * Classes that each break one loop-locality rule on purpose, so that {@code LoopLocalityRulesTests} can prove the
 * rule notices. They are never loaded (ArchUnit reads their bytecode), and {@code ArchitectureTests} leaves them out.
 */
package dev.oponn.architecture.violations;
