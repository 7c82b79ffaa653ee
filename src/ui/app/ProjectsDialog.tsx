import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('app');
  const refresh = useCallback(() => void listProjects().then(setProjects), []);
  useEffect(refresh, [refresh]);
  const run = (f: () => Promise<unknown>) => () => void f().then(refresh);
  return (
    <Dialog title={t('projects')} onClose={onClose}>
      <button type="button" onClick={run(() => createProject(t('untitled')).then(onClose))}>
        {t('newProject')}
      </button>
      <ul className="project-list">
        {projects.map((p) => (
          <li key={p.id} className={p.id === current ? 'is-current' : ''}>
            <input
              aria-label={t('projectNameOf', { name: p.name })}
              defaultValue={p.name}
              onBlur={(e) =>
                e.target.value !== p.name && void renameProject(p.id, e.target.value).then(refresh)
              }
            />
            <span className="muted">
              {t('layerCount', { count: p.graph.nodes.length })} · {new Date(p.updatedAt).toLocaleString()}
            </span>
            <button
              type="button"
              disabled={p.id === current}
              onClick={run(() => openProject(p.id).then(onClose))}
            >
              {t('open')}
            </button>
            <button type="button" onClick={run(() => duplicateProject(p.id))}>
              {t('duplicate')}
            </button>
            <button
              type="button"
              onClick={() => {
                if (window.confirm(t('confirmDelete', { name: p.name }))) run(() => deleteProject(p.id))();
              }}
            >
              {t('delete')}
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
