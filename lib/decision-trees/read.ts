// Reads the YAML AST of a decision tree into a draft (validate.ts), reporting every problem of
// shape, type, key and id with the position of its node.

import type { LineCounter, ParsedNode, YAMLMap } from "yaml";
import { isAlias, isMap, isScalar, isSeq } from "yaml";
import { didYouMean, quote } from "./messages";
import type { DecisionTreeError } from "./types";
import {
  ENTRY_SLUG_PATTERN,
  ID_PATTERN,
  MAX_ENTRY_SLUG_LENGTH,
  MAX_ID_LENGTH,
  MAX_SECTION_LENGTH,
  SECTION_PATTERN,
} from "./types";
import type { DraftAnswer, DraftOutcome, DraftQuestion, DraftTree, Pos } from "./validate";

const TOP_KEYS = ["start", "questions", "outcomes"] as const;
const QUESTION_KEYS = ["text", "answers"] as const;
const ANSWER_KEYS = ["text", "next"] as const;
const OUTCOME_KEYS = ["title", "text", "section", "entry"] as const;

type Node = ParsedNode | null;

interface Field {
  key: string;
  keyNode: ParsedNode;
  value: Node;
  pos: Pos;
}

/** Text of a scalar, trimmed: null when missing or blank, undefined when the node is not a scalar. */
function textOf(node: Node): string | null | undefined {
  if (node === null) return null;
  if (!isScalar(node)) return undefined;
  if (node.value === null || node.value === undefined) return null;
  // Plain `010` or `true` resolve to numbers or booleans; an id or a text wants what was written.
  const text = typeof node.value === "string" ? node.value : (node.source ?? String(node.value));
  return text.trim() === "" ? null : text.trim();
}

function kindOf(node: Node): string {
  if (isMap(node)) return "a mapping";
  if (isSeq(node)) return "a list";
  if (isAlias(node)) return "an alias (aliases are not supported)";
  return "plain text";
}

const isEmpty = (node: Node) => node === null || (isScalar(node) && (node.value === null || node.value === ""));

export class Reader {
  readonly errors: DecisionTreeError[] = [];

  constructor(private readonly lineCounter: LineCounter) {}

  posAt(offset: number): Pos {
    const { line, col } = this.lineCounter.linePos(offset);
    return { line: Math.max(1, line), column: Math.max(1, col) };
  }

  posOf(node: Node | undefined, fallback: Pos = { line: 1, column: 1 }): Pos {
    return node?.range ? this.posAt(node.range[0]) : fallback;
  }

  report = (pos: Pos, message: string): void => {
    this.errors.push({ line: pos.line, column: pos.column, message });
  };

  readTree(root: Node): DraftTree | null {
    if (isEmpty(root)) {
      this.report({ line: 1, column: 1 }, "The decision tree is empty: write start, questions and outcomes");
      return null;
    }
    if (!isMap(root)) {
      this.report(
        this.posOf(root),
        `The decision tree must be a mapping with start, questions and outcomes, not ${kindOf(root)}`,
      );
      return null;
    }
    const rootPos = this.posOf(root);
    const top = this.fields(root, "at the top level", TOP_KEYS);
    const draft: DraftTree = {
      start: null,
      startPos: rootPos,
      questions: new Map(),
      outcomes: new Map(),
      complete: true,
    };

    const start = top.get("start");
    if (!start) {
      this.report(rootPos, 'Missing "start": name the id of the first question');
    } else {
      draft.startPos = this.posOf(start.value, start.pos);
      const id = textOf(start.value);
      if (typeof id === "string") draft.start = id;
      else
        this.report(
          draft.startPos,
          `"start" must be the id of the first question, not ${id === null ? "empty" : kindOf(start.value)}`,
        );
    }

    const questions = this.section(top.get("questions"), "questions", rootPos);
    if (questions) {
      const fields = this.fields(questions, 'in "questions"', null, "Question");
      for (const field of fields.values()) {
        const question = this.readQuestion(field);
        draft.questions.set(question.id, question);
      }
    } else {
      draft.complete = false;
    }

    const outcomes = this.section(top.get("outcomes"), "outcomes", rootPos);
    if (outcomes) {
      const fields = this.fields(outcomes, 'in "outcomes"', null, "Outcome");
      for (const field of fields.values()) {
        const outcome = this.readOutcome(field);
        draft.outcomes.set(outcome.id, outcome);
      }
    } else {
      draft.complete = false;
    }
    return draft;
  }

  /** The `questions` or `outcomes` mapping, or null after reporting why there is none. */
  private section(
    field: Field | undefined,
    name: "questions" | "outcomes",
    rootPos: Pos,
  ): YAMLMap<ParsedNode, Node> | null {
    const needs = name === "questions" ? "at least one question" : "at least one outcome";
    if (!field) {
      this.report(rootPos, `Missing "${name}": the tree needs ${needs}`);
      return null;
    }
    if (isMap(field.value) && field.value.items.length > 0) return field.value as YAMLMap<ParsedNode, Node>;
    if (isEmpty(field.value) || isMap(field.value)) {
      this.report(field.pos, `"${name}" is empty: the tree needs ${needs}`);
    } else {
      this.report(
        this.posOf(field.value, field.pos),
        `"${name}" must be a mapping from id to ${name.slice(0, -1)}, not ${kindOf(field.value)}`,
      );
    }
    return null;
  }

  /**
   * The keys of a mapping (first occurrence wins), reporting keys that are not text, repeated or
   * not in `allowed` (when given). `node` names repeated ids ("Question", "Outcome") instead.
   */
  private fields(
    map: YAMLMap,
    where: string,
    allowed: readonly string[] | null,
    node?: "Question" | "Outcome",
  ): Map<string, Field> {
    const fields = new Map<string, Field>();
    for (const pair of map.items) {
      const keyNode = pair.key as Node;
      const value = pair.value as Node;
      const key = textOf(keyNode);
      if (typeof key !== "string" || keyNode === null) {
        this.report(
          this.posOf(keyNode, this.posOf(value, this.posOf(map as ParsedNode))),
          `Keys ${where} must be plain text`,
        );
        continue;
      }
      const pos = this.posOf(keyNode);
      const first = fields.get(key);
      if (first) {
        this.report(
          pos,
          node
            ? `${node} ${quote(key)} is defined twice (first on line ${first.pos.line})`
            : `Key ${quote(key)} appears twice ${where} (first on line ${first.pos.line})`,
        );
        continue;
      }
      if (allowed && !allowed.includes(key)) {
        this.report(
          pos,
          `Unknown key ${quote(key)} ${where}${didYouMean(key, allowed)}; the keys allowed here are ${allowed.join(", ")}`,
        );
        continue;
      }
      fields.set(key, { key, keyNode, value, pos });
    }
    return fields;
  }

  private checkId(field: Field, kind: "question" | "outcome"): void {
    const id = field.key;
    if (id.length <= MAX_ID_LENGTH && ID_PATTERN.test(id)) return;
    const fixed = id
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, MAX_ID_LENGTH)
      .replace(/-+$/, "");
    const hint = fixed && fixed !== id ? `, e.g. ${quote(fixed)}` : "";
    this.report(
      field.pos,
      `Invalid ${kind} id ${quote(id)}: use lower-case letters, digits and "-", start with a letter or digit, ` +
        `at most ${MAX_ID_LENGTH} characters${hint}`,
    );
  }

  private readQuestion(field: Field): DraftQuestion {
    const id = field.key;
    const question: DraftQuestion = { id, text: null, answers: [], pos: field.pos };
    this.checkId(field, "question");
    const value = field.value;
    if (!isMap(value)) {
      this.report(
        this.posOf(value, field.pos),
        isEmpty(value)
          ? `Question ${quote(id)} is empty: give it text and answers`
          : `Question ${quote(id)} must be a mapping with text and answers, not ${kindOf(value)}`,
      );
      return question;
    }
    const fields = this.fields(value, `in question ${quote(id)}`, QUESTION_KEYS);

    const text = fields.get("text");
    const textValue = textOf(text?.value ?? null);
    if (text && textValue === undefined) {
      this.report(
        this.posOf(text.value, text.pos),
        `The text of question ${quote(id)} must be plain text, not ${kindOf(text.value)}`,
      );
    } else if (typeof textValue === "string") {
      question.text = textValue;
    } else {
      this.report(text?.pos ?? field.pos, `Question ${quote(id)} has no text`);
    }

    const answers = fields.get("answers");
    if (!answers || isEmpty(answers.value) || (isSeq(answers.value) && answers.value.items.length === 0)) {
      this.report(answers?.pos ?? field.pos, `Question ${quote(id)} has no answers; a question needs at least two`);
    } else if (!isSeq(answers.value)) {
      this.report(
        this.posOf(answers.value, answers.pos),
        `The answers of question ${quote(id)} must be a list of "- text: … next: …", not ${kindOf(answers.value)}`,
      );
    } else {
      const items = answers.value.items as Node[];
      for (const [index, item] of items.entries()) question.answers.push(this.readAnswer(id, index, item, answers.pos));
      if (items.length < 2) {
        this.report(answers.pos, `Question ${quote(id)} has only one answer; a question needs at least two`);
      }
    }
    return question;
  }

  private readAnswer(questionId: string, index: number, node: Node, fallback: Pos): DraftAnswer {
    const pos = this.posOf(node, fallback);
    const numbered = `Answer ${index + 1} of question ${quote(questionId)}`;
    const answer: DraftAnswer = { text: null, next: null, pos, nextPos: pos, label: numbered };
    if (!isMap(node)) {
      this.report(
        pos,
        `${numbered} must be a mapping with text and next, not ${isEmpty(node) ? "empty" : kindOf(node)}`,
      );
      return answer;
    }
    const fields = this.fields(node, `in answer ${index + 1} of question ${quote(questionId)}`, ANSWER_KEYS);

    const text = fields.get("text");
    const textValue = textOf(text?.value ?? null);
    if (text && textValue === undefined) {
      this.report(
        this.posOf(text.value, text.pos),
        `The text of ${numbered.toLowerCase()} must be plain text, not ${kindOf(text.value)}`,
      );
    } else if (typeof textValue === "string") {
      answer.text = textValue;
      answer.label = `Answer ${quote(textValue)}`;
    } else {
      this.report(text?.pos ?? pos, `${numbered} has no text`);
    }

    const next = fields.get("next");
    const nextValue = textOf(next?.value ?? null);
    if (next) answer.nextPos = this.posOf(next.value, next.pos);
    if (typeof nextValue === "string") {
      answer.next = nextValue;
    } else if (next && nextValue === undefined) {
      this.report(
        answer.nextPos,
        `"next" of ${answer.label} must be the id of a question or an outcome, not ${kindOf(next.value)}`,
      );
    } else {
      this.report(next?.pos ?? pos, `${answer.label} has no "next": name the question or outcome it leads to`);
    }
    return answer;
  }

  private readOutcome(field: Field): DraftOutcome {
    const id = field.key;
    const outcome: DraftOutcome = { id, title: null, pos: field.pos };
    this.checkId(field, "outcome");
    const value = field.value;
    if (!isMap(value)) {
      this.report(
        this.posOf(value, field.pos),
        isEmpty(value)
          ? `Outcome ${quote(id)} has no title`
          : `Outcome ${quote(id)} must be a mapping with a title ("title: …"), not ${kindOf(value)}`,
      );
      return outcome;
    }
    const fields = this.fields(value, `in outcome ${quote(id)}`, OUTCOME_KEYS);
    const strings = new Map<string, { text: string; pos: Pos }>();
    for (const name of OUTCOME_KEYS) {
      const f = fields.get(name);
      if (!f) continue;
      const text = textOf(f.value);
      if (text === undefined) {
        this.report(
          this.posOf(f.value, f.pos),
          `"${name}" of outcome ${quote(id)} must be plain text, not ${kindOf(f.value)}`,
        );
      } else if (text !== null) {
        strings.set(name, { text, pos: this.posOf(f.value, f.pos) });
      }
    }

    const title = strings.get("title");
    if (title) outcome.title = title.text;
    else if (!fields.get("title") || textOf(fields.get("title")?.value ?? null) === null) {
      this.report(fields.get("title")?.pos ?? field.pos, `Outcome ${quote(id)} has no title`);
    }

    const text = strings.get("text");
    if (text) outcome.text = text.text;

    const section = strings.get("section");
    if (section) {
      const problem = sectionProblem(section.text);
      if (problem) this.report(section.pos, `Section ${quote(section.text)} of outcome ${quote(id)} ${problem}`);
      else outcome.section = section.text;
    }

    const entry = strings.get("entry");
    if (entry) {
      const problem = entrySlugProblem(entry.text);
      if (problem) this.report(entry.pos, `Entry ${quote(entry.text)} of outcome ${quote(id)} ${problem}`);
      else outcome.entry = entry.text;
    }
    return outcome;
  }
}

function sectionProblem(section: string): string | null {
  if (section.startsWith("#")) {
    const bare = section.replace(/^#+/, "");
    return `must be written without "#"${bare && !sectionProblem(bare) ? `: ${quote(bare)}` : ""}`;
  }
  if (section.length > MAX_SECTION_LENGTH) return `is longer than ${MAX_SECTION_LENGTH} characters`;
  if (SECTION_PATTERN.test(section)) return null;
  // What github-slugger would make of it, as a hint.
  const slug = section
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, "")
    .replace(/\s/g, "-");
  const hint = slug && SECTION_PATTERN.test(slug) ? `, e.g. ${quote(slug)}` : "";
  return `is not a valid anchor id: use the id of a heading in this entry (lower-case letters, digits, "-" and "_")${hint}`;
}

function entrySlugProblem(slug: string): string | null {
  if (slug.length <= MAX_ENTRY_SLUG_LENGTH && ENTRY_SLUG_PATTERN.test(slug)) return null;
  const path = /^(?:https?:\/\/[^/]+)?\/entries\/([^/?#]+)\/?$/.exec(slug);
  if (path?.[1] && ENTRY_SLUG_PATTERN.test(path[1])) return `must be the slug only: ${quote(path[1])}`;
  return `is not a valid entry slug: use lower-case letters and digits separated by single "-", at most ${MAX_ENTRY_SLUG_LENGTH} characters`;
}
