import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { setRole, type SubgraphRole } from '../../graph';
import { useStudio } from '../../state/store';

const ROLES: (SubgraphRole | 'none')[] = ['none', 'generator', 'discriminator'];

/** The role of an Input's sub-graph in a GAN (generator / discriminator), set on the Input. */
export function RoleField({ id, role }: { id: string; role: SubgraphRole | null }) {
  const { t } = useTranslation('generate');
  const field = useId();
  const change = (value: string) => {
    const graph = useStudio.getState().graph;
    // Plain state update: keeps the selection (setGraph would clear it); the edit is undoable like any other.
    useStudio.setState({ graph: setRole(graph, id, value === 'none' ? null : (value as SubgraphRole)) });
  };
  return (
    <div className="field">
      <label htmlFor={field}>{t('role.label')}</label>
      <select id={field} value={role ?? 'none'} onChange={(e) => change(e.target.value)}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`role.${r}`)}
          </option>
        ))}
      </select>
      <p className="muted">{t('role.help')}</p>
    </div>
  );
}
