/**
 * OpenLFA cba: the cost-benefit analysis of the business cases on a study. Inputs: a cost catalogue and the
 * business-case definitions ({@link org.openlfa.cba.CbaInputs}, YAML with a source for every figure) and a study
 * ({@link org.openlfa.cba.StudyData}, in-process or from a study folder); engine: {@link org.openlfa.cba.CbaEngine}
 * (enrolment, cash flows, NPV/IRR/payback via {@link org.openlfa.cba.Finance}); entry point:
 * {@link org.openlfa.cba.CostBenefitAnalysis#run}. Method and figures: {@code docs/cba.md}.
 */
package org.openlfa.cba;
