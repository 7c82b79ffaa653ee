import { useCallback, useEffect, useState } from 'react';
import type { ProjectDoc } from '../../graph';
import {
  createProject,
  deleteProject,
  duplicateProject,
  listProjects,
  openProject,
  renameProject,
} from '../../state/projects';
import { useStudio } from '../../state/store';
import { Dialog } from './Dialog';

/** The project list: create, open, rename, duplicate, delete. */
export function ProjectsDialog({ onClose }: { onClose(): void }) {
  const [projects, setProjects] = useState<ProjectDoc[]>([]);
  const current = useStudio((s) => s.projectId);
  const refresh = useCallback(() => void listProjects().then(setProjects), []);
  useEffect(refresh, [refresh]);
  const run = (f: () => Promise<unknown>) => () => void f().then(refresh);
  return (
    <Dialog title="Projects" onClose={onClose}>
      <button type="button" onClick={run(() => createProject('Untitled project').then(onClose))}>
        New project
      </button>
      <ul className="project-list">
        {projects.map((p) => (
          <li key={p.id} className={p.id === current ? 'is-current' : ''}>
            <input
              aria-label={`Name of project ${p.name}`}
              defaultValue={p.name}
              onBlur={(e) =>
                e.target.value !== p.name && void renameProject(p.id, e.target.value).then(refresh)
              }
            />
            <span className="muted">
              {p.graph.nodes.length} layers · {new Date(p.updatedAt).toLocaleString()}
            </span>
            <button
              type="button"
              disabled={p.id === current}
              onClick={run(() => openProject(p.id).then(onClose))}
            >
              Open
            </button>
            <button type="button" onClick={run(() => duplicateProject(p.id))}>
              Duplicate
            </button>
            <button
              type="button"
              onClick={() => {
                if (window.confirm(`Delete the project “${p.name}”? This cannot be undone.`))
                  run(() => deleteProject(p.id))();
              }}
            >
              Delete
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
