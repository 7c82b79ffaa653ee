/**
 * What the data loaders say to a person (src/data raises `DataError` with one of these codes and its values; the
 * English of each entry is the loader's own sentence, word for word). Values that are lists of other entries
 * (`parts`, `examples`, `delimiter`) are said in the UI language and joined (see src/ui/data/data-error-text.ts).
 */
export const dataErrors = {
  // Files and archives
  notZip: 'The file is not a readable .zip archive.',
  fileGone: 'The file "{{name}}" is no longer stored in this browser. Upload it again.',
  uploadMissing: 'The uploaded file is missing. Upload it again.',
  builtinMissing:
    'The built-in data file data/{{name}} is missing. Run "node scripts/prepare-data.mjs" (npm run build does it).',
  imagesNeedBrowser: 'Images can only be decoded in a browser.',
  // Built-in sets
  notPacked: '{{name}} is not a packed image file. Run "node scripts/prepare-data.mjs --force".',
  cutShort: '{{name}} is cut short. Run "node scripts/prepare-data.mjs --force".',
  notGzip: '{{name}} is not a gzip file. Run "node scripts/prepare-data.mjs --force".',
  spamDamaged: 'spam.bin is damaged. Run "node scripts/prepare-data.mjs --force".',
  digitsPackDamaged:
    'digits-audio.bin is damaged. Restore data/fsdd/digits-audio.bin and run "npm run build".',
  labelsOutside:
    '{{file}} has labels outside the {{name}} classes. Run "node scripts/prepare-data.mjs --force".',
  syntheticCount: 'The number of samples must be a whole number from 10 to {{max, number}}.',
  boxesCount: 'The number of images must be a whole number from 30 to 20,000.',
  // Split
  splitNegative: 'Split ratios must be zero or more.',
  splitNoTrain: 'The training split must be more than 0 %.',
  splitSum: 'Split ratios must add up to 100 %; they add up to {{sum}} %.',
  // Image folders
  imageSize: 'Image width and height must be whole numbers from 4 to {{max}}.',
  imagesNotInFolders:
    'The images are not in folders. Put each class in a folder named after it (cats/1.png, dogs/2.png) and zip those folders.',
  noImages: 'No images found (PNG, JPEG, GIF, BMP or WebP).',
  noImagesSkipped: 'No images found (PNG, JPEG, GIF, BMP or WebP): {{parts}}.',
  partNotImage_one: '{{count}} file is not images',
  partNotImage_other: '{{count}} files are not images',
  partUnsafe: '{{count}} had unsafe paths',
  oneImageFolder:
    'All images are in one folder ("{{folder}}"); a classifier needs at least two classes. Put each class in its own folder.',
  oneImageClass: 'Only one class has images that could be read; a classifier needs at least two.',
  noImagesRead: 'None of the images could be read.',
  // Audio
  notAudio: 'This dataset is not audio: load an audio dataset to try recordings.',
  emptyRecording: 'The recording is empty.',
  audioNotInFolders:
    'The audio files are not in folders. Put each class in a folder named after it (yes/1.wav, no/2.wav).',
  noAudioFiles: 'No audio files found (WAV, MP3, OGG or FLAC).',
  oneAudioFolder:
    'All recordings are in one folder ("{{folder}}"); a classifier needs at least two. Put each class in its own folder.',
  oneAudioClass: 'Only one class has recordings that could be read; a classifier needs at least two.',
  noRecordingsRead: 'None of the recordings could be read ({{reason}}).',
  noRecordingsAudio: 'None of the recordings could be read (no audio).',
  audioRate: 'The sample rate must be a whole number of Hz from 4,000 to 48,000 (got {{got}}).',
  audioDuration: 'The clip length must be from 100 to 10,000 ms (got {{got}}).',
  audioFft: 'The FFT size must be a power of two from 64 to 4,096 (got {{got}}).',
  audioHop: 'The hop must be a whole number of samples from 1 to the FFT size, {{fft}} (got {{got}}).',
  audioMelBands: 'The number of mel bands must be from 2 to 256 (got {{got}}).',
  audioMfcc: 'The number of MFCCs must be from 1 to the number of mel bands, {{bands}} (got {{got}}).',
  audioFilters:
    'The mel filters must lie between 0 Hz and half the sample rate ({{half}} Hz), low edge below high edge.',
  audioTooLarge: 'These settings make each sample too large; use a longer hop or fewer bands.',
  // CSV files
  fileEmpty: 'The file is empty: there is nothing to read.',
  notUtf8:
    'The file is not UTF-8 text (the first bad byte is near byte {{byte, number}}). Save it as "CSV UTF-8" and upload it again.',
  utf16: 'The file is UTF-16 text. Save it as "CSV UTF-8" and upload it again.',
  unclosedQuote: 'Row {{row}} has a quote (") that is never closed.',
  tooManyColumns:
    'Row {{row}} has {{count, number}} fields; the studio reads at most {{max, number}} columns. Check the delimiter.',
  rowWidthHeader_one:
    'Row {{row}} has {{count}} field but the header has {{width}}. Every row needs the same number of "{{delimiter}}"-separated fields.',
  rowWidthHeader_other:
    'Row {{row}} has {{count}} fields but the header has {{width}}. Every row needs the same number of "{{delimiter}}"-separated fields.',
  rowWidthFirst_one:
    'Row {{row}} has {{count}} field but the first row has {{width}}. Every row needs the same number of "{{delimiter}}"-separated fields.',
  rowWidthFirst_other:
    'Row {{row}} has {{count}} fields but the first row has {{width}}. Every row needs the same number of "{{delimiter}}"-separated fields.',
  tab: 'tab',
  noRows: 'The file holds no rows: it is empty or only blank lines.',
  headerOnly: 'The file has a header row but no data rows.',
  oneRow: 'The file has only one data row; a dataset needs at least two.',
  columnCountChanged:
    'The file has {{count}} columns but the saved settings describe {{saved}}. Upload the file again.',
  pickTarget: 'Pick a target column: the values the model should learn to predict.',
  pickFeature: 'Pick at least one feature column: the values the model sees.',
  textTarget: 'The target "{{name}}" is a text column; set it to categorical or numeric.',
  oneCategoricalTarget: 'Pick one categorical target, or only numeric targets.',
  textOnlyFeature: 'A text column must be the only feature: set the other feature columns to "ignore".',
  columnEmpty: 'The column "{{name}}" is empty in every row; set it to "ignore".',
  notNumbers_one:
    'The column "{{name}}" should hold numbers, but row {{row}} has "{{text}}" ({{count}} cell is not numbers). Fix those cells, or set the column to categorical.',
  notNumbers_other:
    'The column "{{name}}" should hold numbers, but row {{row}} has "{{text}}" ({{count}} cells are not numbers). Fix those cells, or set the column to categorical.',
  rowsLeft_one: 'Only {{count}} row left after removing missing values; a dataset needs at least two.',
  rowsLeft_other: 'Only {{count}} rows left after removing missing values; a dataset needs at least two.',
  oneClass:
    'The target "{{name}}" has only one class ("{{value}}"); a classifier needs at least two. Pick another target or add rows of other classes.',
  // Predictions
  noVocabulary: 'This dataset has no vocabulary: it is not a text dataset.',
  featureCount: 'Expected {{want}} feature values, got {{got}}.',
  // Ratings
  ratingsEmpty: 'The ratings file is empty.',
  ratingsColumns:
    'A ratings file needs 3 or 4 columns (user, item, rating[, timestamp]); the first row has {{count}}.',
  ratingsHeaderOnly: 'The ratings file has a header but no ratings.',
  ratingsTooMany: 'The file has {{count}} ratings; at most {{max}} can be loaded.',
  ratingsRowFields_one:
    'Row {{row}} has {{count}} field, but the file\'s rows have {{width}} ({{columns}}): "{{line}}".',
  ratingsRowFields_other:
    'Row {{row}} has {{count}} fields, but the file\'s rows have {{width}} ({{columns}}): "{{line}}".',
  ratingsEmptyId: 'Row {{row}} has an empty user or item id.',
  ratingNotNumber: 'Row {{row}}: the rating "{{value}}" is not a number.',
  timestampNotNumber: 'Row {{row}}: the timestamp "{{value}}" is not a number.',
  ratingsCount: 'The number of ratings must be a whole number from {{min}} to {{max}}.',
  unknownUser:
    'The user "{{id}}" is not in this dataset: it knows {{count}} users (e.g. {{examples}}). A model only has embeddings for ids it saw in training.',
  unknownItem:
    'The item "{{id}}" is not in this dataset: it knows {{count}} items (e.g. {{examples}}). A model only has embeddings for ids it saw in training.',
  ratingsTooFew: 'A ratings set needs at least two users and two items.',
  ratingsNoHoldout: 'No user has two ratings or more, so there is nothing to hold out for testing.',
  // Box tables
  boxTableEmpty: 'The box table has no rows (expected file, x, y, w, h, class).',
  boxRowFields_one:
    'Row {{row}} of the box table has {{count}} field; each row needs 6: file, x, y, w, h, class.',
  boxRowFields_other:
    'Row {{row}} of the box table has {{count}} fields; each row needs 6: file, x, y, w, h, class.',
  boxNotNumbers: 'Row {{row}}: the box "{{box}}" is not four numbers with a positive width and height.',
  boxNoClass: 'Row {{row}} has no class name.',
  boxNoCsv: 'The zip holds no CSV of boxes: add one with the columns file, x, y, w, h, class.',
  boxManyCsv: 'The zip holds {{count}} CSV files ({{files}}); keep just the box table.',
  boxMissingImages_one: '{{count}} row names an image the zip does not hold (e.g. {{examples}}).',
  boxMissingImages_other: '{{count}} rows name images the zip does not hold (e.g. {{examples}}).',
  missingExample: '"{{file}}" in row {{row}}',
  boxImageUnreadable: 'Row {{row}}: "{{file}}" is not an image the studio can read.',
  boxOutside: 'Row {{row}}: the box reaches outside "{{file}}" ({{width}}×{{height}}).',
  boxDamaged: 'Row {{row}}: "{{file}}" is damaged or cannot be decoded.',
};
