export function writePictures(dir: string): Promise<void>;
export const PICTURE_BRIEF: string;
export function writePictureProject(dir: string): Promise<void>;
