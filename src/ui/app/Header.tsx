import { useState } from 'react';
import { useStore } from 'zustand';
import { useSaveStatus } from '../../state/autosave';
import { autoLayout } from '../../state/layout';
import { redo, undo, useStudio } from '../../state/store';
import { ExportMenu } from '../export/ExportMenu';
import { ImportModelButton } from '../export/ImportModelButton';
import { PublishButton } from '../publish';
import { ProjectFileButtons } from './ProjectFileButtons';
import { ProjectsDialog } from './ProjectsDialog';
import { TemplatesDialog } from './TemplatesDialog';

/** The top bar: project, templates, undo / redo, layout, project files, save status. */
export function Header() {
  const name = useStudio((s) => s.projectName);
  const canUndo = useStore(useStudio.temporal, (t) => t.pastStates.length > 0);
  const canRedo = useStore(useStudio.temporal, (t) => t.futureStates.length > 0);
  const save = useSaveStatus();
  const [dialog, setDialog] = useState<'projects' | 'templates' | null>(null);
  return (
    <header className="topbar">
      <span className="brand">Model Studio</span>
      <input
        className="topbar__name"
        aria-label="Project name"
        value={name}
        onChange={(e) => useStudio.getState().setProjectName(e.target.value)}
      />
      <button type="button" onClick={() => setDialog('projects')}>
        Projects
      </button>
      <button type="button" onClick={() => setDialog('templates')}>
        Templates
      </button>
      <span className="topbar__sep" />
      <button type="button" onClick={undo} disabled={!canUndo} title="Ctrl+Z">
        Undo
      </button>
      <button type="button" onClick={redo} disabled={!canRedo} title="Ctrl+Shift+Z">
        Redo
      </button>
      <button
        type="button"
        onClick={() => {
          const g = useStudio.getState().graph;
          useStudio.getState().setGraph(autoLayout(g));
        }}
      >
        Auto layout
      </button>
      <span className="topbar__sep" />
      <ProjectFileButtons />
      <span className="topbar__sep" />
      <ImportModelButton />
      <ExportMenu />
      <PublishButton />
      <span className="topbar__spacer" />
      <output className={`save save--${save.status}`} aria-label="Save status" title={save.error}>
        {save.status === 'saved' ? 'Saved' : save.status === 'saving' ? 'Saving…' : 'Not saved'}
      </output>
      {dialog === 'projects' && <ProjectsDialog onClose={() => setDialog(null)} />}
      {dialog === 'templates' && <TemplatesDialog onClose={() => setDialog(null)} />}
    </header>
  );
}
