// The program survey's use cases (capabilities 12 and 13): a participant reads the questions and
// answers them, once per cycle (in the tab answering again replaces the earlier answer; a card's
// answer is taken only as the first, since a card cannot show what was answered); the program's managers
// read the results, only in aggregate over five or more people. Who answered what is never stored
// together in a way the API could show: answers name nobody, and the marker that a person answered
// holds no answer (bot/storage/surveyTable.ts).
import { authorizeProgram, inActorsTenant, isProgramParticipant, type Actor } from '../policy';
import { surveyQuestionsOf, type Program } from '../program';
import type { PlanRepository, ProgramRepository } from '../repositories';
import { fail, ok, type Result } from '../result';
import { aggregateSurvey, checkAnswers, type SurveyAnswers, type SurveyQuestion, type SurveyResults } from './survey';

/** A cycle of a program, named by its first day: one answer per person and cycle. */
export type SurveyCycle = { start: string; end: string };

export interface SurveyRepository {
  /** Whether the person answered the program's survey in the cycle. */
  hasAnswered(programId: string, cycle: string, personId: string): Promise<boolean>;
  /**
   * Stores the answers under a key that names nobody, marks the person as having answered, and
   * drops their earlier answer of the cycle, in one transaction.
   */
  saveAnswers(args: {
    programId: string;
    tenantId: string;
    cycle: string;
    personId: string;
    answers: SurveyAnswers;
    at: string;
    /** Only if the person has not answered yet: a racing second answer is then dropped, the first kept. */
    firstOnly?: boolean;
  }): Promise<void>;
  /** Every answer of the cycle, with nothing of who gave it. */
  listAnswers(programId: string, cycle: string): Promise<SurveyAnswers[]>;
}

export interface SurveyView {
  programId: string;
  programName: string;
  cycle: SurveyCycle;
  questions: SurveyQuestion[];
  answered: boolean;
}

export interface SurveyAnswered {
  programId: string;
  cycle: SurveyCycle;
  answered: true;
}

export interface SurveyResultsView {
  programId: string;
  programName: string;
  cycle: SurveyCycle;
  results: SurveyResults;
}

const notFound = <T>() => fail<T>('not_found', 'There is no such program survey for you.');
export const answeredAlreadyMessage = 'You answered this cycle’s program survey already. Thank you: your answer is counted.';
const cycleOf = (p: Program): SurveyCycle => ({ start: p.cycleStart, end: p.cycleEnd });

export function createSurveyService(deps: {
  programs: Pick<ProgramRepository, 'get'>;
  plans: Pick<PlanRepository, 'pairsOf' | 'loadPair'>;
  surveys: SurveyRepository;
  now: () => Date;
}) {
  const { programs, plans, surveys, now } = deps;

  async function programInTenant(actor: Actor, programId: string): Promise<Program | undefined> {
    const found = await programs.get(programId);
    return found && inActorsTenant(actor, found.value) ? found.value : undefined;
  }

  /** The program, if the actor takes part in it; anyone else is told there is nothing. */
  async function asParticipant(actor: Actor, programId: string): Promise<Result<Program>> {
    const program = await programInTenant(actor, programId);
    if (!program) return notFound();
    const refs = await plans.pairsOf(actor.id);
    const pairs = (await Promise.all(refs.map((r) => plans.loadPair(r.pairId)))).flatMap((p) => (p ? [p.mentorship.value] : []));
    return isProgramParticipant(actor, program, pairs) ? ok(program) : notFound();
  }

  return {
    async get(actor: Actor, programId: string): Promise<Result<SurveyView>> {
      const program = await asParticipant(actor, programId);
      if (!program.ok) return program;
      const p = program.value;
      const answered = await surveys.hasAnswered(p.id, p.cycleStart, actor.id);
      return ok({ programId: p.id, programName: p.name, cycle: cycleOf(p), questions: surveyQuestionsOf(p), answered });
    },

    /** With `firstOnly`, an answer after the person's first of the cycle is refused (a `conflict`), not a replacement. */
    async answer(
      actor: Actor,
      programId: string,
      answers: SurveyAnswers,
      options: { firstOnly?: boolean } = {},
    ): Promise<Result<SurveyAnswered>> {
      const program = await asParticipant(actor, programId);
      if (!program.ok) return program;
      const p = program.value;
      if (options.firstOnly && (await surveys.hasAnswered(p.id, p.cycleStart, actor.id))) return fail('conflict', answeredAlreadyMessage);
      const problem = checkAnswers(surveyQuestionsOf(p), answers);
      if (problem) return fail('invalid', problem, { issues: [{ path: '', message: problem }] });
      const texts = Object.fromEntries(Object.entries(answers.texts).filter(([, t]) => t.trim() !== ''));
      await surveys.saveAnswers({
        programId: p.id,
        tenantId: p.tenantId,
        cycle: p.cycleStart,
        personId: actor.id,
        answers: { ratings: answers.ratings, texts },
        at: now().toISOString(),
        ...(options.firstOnly ? { firstOnly: true } : {}),
      });
      return ok({ programId: p.id, cycle: cycleOf(p), answered: true });
    },

    async results(actor: Actor, programId: string): Promise<Result<SurveyResultsView>> {
      const program = await programInTenant(actor, programId);
      if (!program) return notFound();
      const allowed = authorizeProgram(actor, program, 'view_aggregates');
      if (!allowed.ok) return allowed;
      const all = await surveys.listAnswers(program.id, program.cycleStart);
      return ok({
        programId: program.id,
        programName: program.name,
        cycle: cycleOf(program),
        results: aggregateSurvey(surveyQuestionsOf(program), all),
      });
    },
  };
}

export type SurveyService = ReturnType<typeof createSurveyService>;
