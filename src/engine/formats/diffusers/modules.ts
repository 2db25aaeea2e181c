// What diffusers resolves inside its own package when model_index.json names a component library:
// LOADABLE_CLASSES' libraries and the subpackages of diffusers.pipelines (`hasattr(pipelines, name)`,
// e.g. ["stable_diffusion", "StableDiffusionSafetyChecker"]). Read from huggingface/diffusers 58eb52c
// (0.40.0.dev0): src/diffusers/pipelines/pipeline_loading_utils.py and the folders of
// src/diffusers/pipelines/ (deprecated/ included: older model_index.json files name them directly).
export const LOADABLE_LIBRARIES = new Set(['diffusers', 'transformers', 'onnxruntime.training']);

export const PIPELINE_MODULES = new Set((
  'ace_step allegro animatediff anyflow audioldm2 aura_flow bria bria_fibo chroma chronoedit cogvideo cogview3 '
  + 'cogview4 consisid consistency_models controlnet controlnet_hunyuandit controlnet_sd3 cosmos ddim ddpm '
  + 'deepfloyd_if deprecated diffusion_gemma dit dreamlite easyanimate ernie_image flux flux2 glm_image helios '
  + 'hidream_image hunyuan_image hunyuan_video hunyuan_video1_5 hunyuandit ideogram4 joyimage kandinsky '
  + 'kandinsky2_2 kandinsky3 kandinsky5 kolors krea2 latent_consistency_models latent_diffusion latte ledits_pp '
  + 'llada2 longcat_audio_dit longcat_image ltx ltx2 lucy lumina lumina2 marigold mochi motif_video '
  + 'nucleusmoe_image omnigen ovis_image pag pixart_alpha prx qwenimage sana sana_video shap_e skyreels_v2 '
  + 'stable_audio stable_audio_3 stable_cascade stable_diffusion stable_diffusion_3 stable_diffusion_xl '
  + 'stable_video_diffusion t2i_adapter visualcloze wan z_image '
  // deprecated/
  + 'alt_diffusion amused audio_diffusion audioldm blip_diffusion controlnet_xs dance_diffusion i2vgen_xl '
  + 'latent_diffusion_uncond musicldm paint_by_example pia pndm repaint score_sde_ve semantic_stable_diffusion '
  + 'spectrogram_diffusion stable_diffusion_attend_and_excite stable_diffusion_diffedit stable_diffusion_gligen '
  + 'stable_diffusion_ldm3d stable_diffusion_panorama stable_diffusion_safe stable_diffusion_sag '
  + 'stable_diffusion_variants stochastic_karras_ve text_to_video_synthesis unclip unidiffuser versatile_diffusion '
  + 'vq_diffusion wuerstchen'
).split(' '));
