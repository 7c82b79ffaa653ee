/** Images with one object each: its class and its box, normalised to [0, 1] (x, y = top-left corner). */
export interface BoxSet {
  /** Row-major pixels in [0, 1], `width × height × channels` per image. */
  images: Float32Array;
  width: number;
  height: number;
  channels: 1 | 3;
  /** [x, y, w, h] per image, as fractions of the image's width and height. */
  boxes: Float32Array;
  labels: Int32Array;
  classNames: string[];
  warnings?: string[];
}

/** Values per target row: the 4 box numbers, then the one-hot class. */
export const boxTargetWidth = (classes: number) => 4 + classes;
