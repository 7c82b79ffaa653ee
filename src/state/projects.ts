import type { Graph, ProjectDoc } from '../graph';
import { newProject, parseProject, serializeProject } from '../graph';
import { i18n } from '../i18n';
import { getDb } from '../storage/db';
import { asRuns, asTrainingConfig, settleInterrupted } from './project-parts';
import { useStudio } from './store';

/** The name of a new project, in the UI language. */
const untitled = (): string => i18n.t('app:untitled');

const LAST_KEY = 'lastProjectId';

/** A fresh random id for a project. */
export function projectId(): string {
  return `p-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The current store as a project document. */
export function currentProject(): ProjectDoc | null {
  const s = useStudio.getState();
  if (!s.projectId) return null;
  return {
    ...newProject(s.projectId, s.projectName, s.graph),
    createdAt: createdAt.get(s.projectId) ?? new Date().toISOString(),
    dataset: s.dataset,
    training: s.training,
    runs: s.runs,
  };
}

const createdAt = new Map<string, string>();

/** Loads a project into the store (clearing undo history: a new document starts a new history). */
export function loadIntoStore(doc: ProjectDoc): void {
  createdAt.set(doc.id, doc.createdAt);
  useStudio.setState({
    projectId: doc.id,
    projectName: doc.name,
    graph: doc.graph,
    dataset: doc.dataset,
    training: asTrainingConfig(doc.training),
    runs: settleInterrupted(asRuns(doc.runs)),
    selection: [],
    notice: null,
  });
  useStudio.temporal.getState().clear();
}

/** Writes the current project to IndexedDB now. */
export async function saveNow(): Promise<void> {
  const doc = currentProject();
  if (!doc) return;
  const db = await getDb();
  await db.put('projects', doc, doc.id);
  await db.put('meta', doc.id, LAST_KEY);
}

/** Every saved project, newest first. */
export async function listProjects(): Promise<ProjectDoc[]> {
  const db = await getDb();
  const all = await db.getAll('projects');
  return all.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** Creates a project (optionally from a graph), saves it and opens it. */
export async function createProject(name: string, graph?: Graph): Promise<ProjectDoc> {
  await saveNow();
  const doc = newProject(projectId(), name, graph);
  loadIntoStore(doc);
  await saveNow();
  return doc;
}

/** Opens a saved project by id. */
export async function openProject(id: string): Promise<void> {
  await saveNow();
  const db = await getDb();
  const doc = await db.get('projects', id);
  if (doc) {
    loadIntoStore(doc);
    await db.put('meta', id, LAST_KEY);
  }
}

/** Renames a saved project (the open one through the store). */
export async function renameProject(id: string, name: string): Promise<void> {
  const clean = name.trim() || untitled();
  if (useStudio.getState().projectId === id) {
    useStudio.getState().setProjectName(clean);
    await saveNow();
    return;
  }
  const db = await getDb();
  const doc = await db.get('projects', id);
  if (doc) await db.put('projects', { ...doc, name: clean, updatedAt: new Date().toISOString() }, id);
}

/** Copies a saved project under a new id and name. */
export async function duplicateProject(id: string): Promise<void> {
  await saveNow();
  const db = await getDb();
  const doc = await db.get('projects', id);
  if (!doc) return;
  const now = new Date().toISOString();
  const copy = {
    ...structuredClone(doc),
    id: projectId(),
    name: `${doc.name} (copy)`,
    createdAt: now,
    updatedAt: now,
  };
  await db.put('projects', copy, copy.id);
}

/** Deletes a project; deleting the open one opens another (or a new empty one). */
export async function deleteProject(id: string): Promise<void> {
  const db = await getDb();
  await db.delete('projects', id);
  if (useStudio.getState().projectId === id) {
    const rest = await listProjects();
    if (rest.length) loadIntoStore(rest[0]);
    else loadIntoStore(newProject(projectId(), untitled()));
    await saveNow();
  }
}

/** Opens the last project, or creates the first one. Called once at start-up. */
export async function restoreLastProject(): Promise<void> {
  const db = await getDb();
  const last = (await db.get('meta', LAST_KEY)) as string | undefined;
  const doc = last ? await db.get('projects', last) : undefined;
  if (doc) loadIntoStore(doc);
  else {
    loadIntoStore(newProject(projectId(), untitled()));
    await saveNow();
  }
}

/** The current project as a downloadable JSON text. */
export function exportProjectText(): string {
  const doc = currentProject();
  if (!doc) throw new Error('No project is open.');
  return serializeProject({ ...doc, updatedAt: new Date().toISOString() });
}

/** Imports a project file as a new project; returns an error sentence, or null on success (nothing changes on error). */
export async function importProjectText(text: string): Promise<string | null> {
  const parsed = parseProject(text);
  if (!parsed.ok) return parsed.error;
  await saveNow();
  const now = new Date().toISOString();
  const doc = { ...parsed.project, id: projectId(), updatedAt: now };
  loadIntoStore(doc);
  await saveNow();
  return null;
}
