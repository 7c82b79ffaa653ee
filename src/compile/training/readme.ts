/** README.txt of the Keras training bundle: what is inside and how to run it, in plain text. */
import type { LoadedDataset } from '../../data/types';
import type { DataLayout, ScriptSettings } from './settings';

function dataSection(ds: LoadedDataset, layout: DataLayout): string[] {
  const counts = `${ds.counts.train} training, ${ds.counts.val} validation and ${ds.counts.test} test samples`;
  if (layout.format === 'csv')
    return [
      `data/train.csv, data/val.csv, data/test.csv: ${counts}, the same split as in the studio.`,
      'One row per sample: the original feature values (before scaling), then the target column(s).',
      "train.py applies the studio's scaling itself, with the statistics in preprocessing.json",
      '(fitted on the training split only).',
    ];
  const x = ds.inputDtype === 'int32' ? 'int32 token ids' : layout.imageScale ? 'uint8 pixels' : 'float32';
  return [
    `data/x_{train,val,test}.npy and data/y_{train,val,test}.npy: ${counts}, the same split as in the studio.`,
    `Inputs are ${x}, shape (samples, ${ds.inputShape.join(', ')}); targets are ${
      ds.labelKind === 'classes' ? 'class indices (int32)' : 'float32 values'
    }.`,
    ...(layout.imageScale ? ['train.py divides the pixels by 255, as the studio does.'] : []),
    ...(ds.inputDtype === 'int32'
      ? [
          'preprocessing.json holds the vocabulary (id 0 = padding, 1 = unknown word) and the sequence length.',
        ]
      : []),
  ];
}

/** The README text. */
export function readme(name: string, ds: LoadedDataset, layout: DataLayout, s: ScriptSettings): string {
  return [
    `${name}: the Model Studio project as a Keras training script`,
    '',
    'Contents',
    '  train.py            the model (as in Export > Keras code), the data loading and preprocessing,',
    '                      the training settings, and the save in TF.js Layers format',
    '  preprocessing.json  what the studio learnt from the training split: scaling statistics,',
    '                      vocabulary, class names, image size',
    "  tfjs_template.json  the model's TF.js topology; train.py writes the trained weights into it",
    '  data/               the dataset',
    '',
    'Data',
    ...dataSection(ds, layout).map((l) => `  ${l}`),
    '',
    'Training settings (from the Train tab)',
    `  optimiser ${s.optimizer}, learning rate ${s.learning_rate} (${s.schedule} schedule), loss ${s.loss},`,
    `  batch size ${s.batch_size} per replica, ${s.epochs} epochs, seed ${s.seed}.`,
    '  Keras does not reproduce the browser run number for number (other kernels, other random streams).',
    '  Data augmentation set in the studio is not part of the script.',
    '',
    'Run',
    '  pip install -r requirements.txt',
    '  python train.py --check                      # reads the data, prints its shapes (NumPy only)',
    '  python train.py                              # one GPU, or the CPU',
    '  python train.py --strategy mirrored          # all GPUs of this machine (MirroredStrategy)',
    '  python train.py --strategy multi-worker      # several machines (MultiWorkerMirroredStrategy):',
    '                                               # start it on each with its own TF_CONFIG',
    '  Options: --epochs N, --out FOLDER (default tfjs_model).',
    '',
    'Back into the studio',
    '  The trained model is saved as tfjs_model/model.json and tfjs_model/weights.bin.',
    '  In Model Studio choose Import model and select both files: the model appears on the canvas with',
    '  its trained weights.',
    '',
  ].join('\n');
}
