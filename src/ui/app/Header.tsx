import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useSaveStatus } from '../../state/autosave';
import { autoLayout } from '../../state/layout';
import { redo, undo, useStudio } from '../../state/store';
import { ExportMenu } from '../export/ExportMenu';
import { ImportModelButton } from '../export/ImportModelButton';
import { LanguageSwitch } from './LanguageSwitch';
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
  const { t } = useTranslation();
  return (
    <header className="topbar">
      <span className="brand">{t('brand')}</span>
      <input
        className="topbar__name"
        aria-label={t('projectName')}
        value={name}
        onChange={(e) => useStudio.getState().setProjectName(e.target.value)}
      />
      <button type="button" onClick={() => setDialog('projects')}>
        {t('projects')}
      </button>
      <button type="button" onClick={() => setDialog('templates')}>
        {t('templates')}
      </button>
      <span className="topbar__sep" />
      <button type="button" onClick={undo} disabled={!canUndo} title="Ctrl+Z">
        {t('undo')}
      </button>
      <button type="button" onClick={redo} disabled={!canRedo} title="Ctrl+Shift+Z">
        {t('redo')}
      </button>
      <button
        type="button"
        onClick={() => {
          const g = useStudio.getState().graph;
          void autoLayout(g).then((laid) => useStudio.getState().setGraph(laid));
        }}
      >
        {t('autoLayout')}
      </button>
      <span className="topbar__sep" />
      <ProjectFileButtons />
      <span className="topbar__sep" />
      <ImportModelButton />
      <ExportMenu />
      <PublishButton />
      <span className="topbar__spacer" />
      <output className={`save save--${save.status}`} aria-label={t('saveStatus')} title={save.error}>
        {t(save.status === 'saved' ? 'saved' : save.status === 'saving' ? 'saving' : 'notSaved')}
      </output>
      <LanguageSwitch />
      {dialog === 'projects' && <ProjectsDialog onClose={() => setDialog(null)} />}
      {dialog === 'templates' && <TemplatesDialog onClose={() => setDialog(null)} />}
    </header>
  );
}
